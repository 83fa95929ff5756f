package io.tributary.jobs.evaluate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.transforms.evaluate.Metrics;
import io.tributary.transforms.evaluate.SliceKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Writes the metrics of every slice as JSON lines ({@link SliceMetrics}) into a folder, from the
 * workers that computed them, so that the job reads back a few small files after the run on any
 * runner.
 *
 * <pre>{@code
 * metricsPerSlice.apply("Write", WriteSliceMetrics.to(folder));
 * // after the run:
 * List<SliceMetrics> slices = WriteSliceMetrics.read(folder);   // overall first
 * }</pre>
 */
public final class WriteSliceMetrics<M extends Metrics> extends PTransform<PCollection<KV<SliceKey, M>>, PDone> {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PREFIX = "slices";

  private final Path folder;

  private WriteSliceMetrics(Path folder) {
    this.folder = folder;
  }

  public static <M extends Metrics> WriteSliceMetrics<M> to(Path folder) {
    return new WriteSliceMetrics<>(folder.toAbsolutePath());
  }

  /** Reads back what {@link #to} wrote into {@code folder}, sorted by slice (overall first). */
  public static List<SliceMetrics> read(Path folder) throws IOException {
    List<SliceMetrics> slices = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith(PREFIX)).sorted().toList()) {
        for (String line : Files.readAllLines(file)) {
          if (!line.isBlank()) {
            slices.add(JSON.readValue(line, SliceMetrics.class));
          }
        }
      }
    }
    slices.sort((a, b) -> a.key().compareTo(b.key()));
    return slices;
  }

  @Override
  public PDone expand(PCollection<KV<SliceKey, M>> metrics) {
    return metrics
        .apply("Json", MapElements.into(TypeDescriptors.strings()).via((KV<SliceKey, M> kv) -> json(kv)))
        .apply("Write", TextIO.write().to(folder.resolve(PREFIX).toString()).withSuffix(".jsonl"));
  }

  private static String json(KV<SliceKey, ? extends Metrics> slice) {
    try {
      return JSON.writeValueAsString(SliceMetrics.of(slice.getKey(), slice.getValue()));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write the metrics of slice " + slice.getKey(), e);
    }
  }
}
