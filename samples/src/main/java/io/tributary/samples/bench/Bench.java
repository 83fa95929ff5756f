package io.tributary.samples.bench;

import com.sun.management.OperatingSystemMXBean;
import io.tributary.jobs.options.JobArguments;
import io.tributary.jobs.options.TributaryOptions;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.extensions.avro.schemas.utils.AvroUtils;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * What the benchmarks that race a Beam pipeline against a hand-written loop share: timing with
 * wall and CPU seconds, reading a split folder of Avro examples as {@code Row}s the way a plain
 * Java program would, and running a pipeline on a runner profile after that runner's one-time
 * start-up in this JVM has been paid.
 */
final class Bench {

  private Bench() {}

  /** A result with its wall-clock seconds and the CPU seconds the whole process spent meanwhile. */
  record Timed<T>(T result, double seconds, double cpuSeconds) {}

  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  static <T> Timed<T> time(Supplier<T> work) {
    long wall = System.nanoTime();
    long cpu = OS.getProcessCpuTime();
    T result = work.get();
    return new Timed<>(result, (System.nanoTime() - wall) / 1e9, (OS.getProcessCpuTime() - cpu) / 1e9);
  }

  /** {@code --name=value} arguments; {@code usage} says which exist. */
  static Map<String, String> options(String[] args, String usage) {
    Map<String, String> options = new LinkedHashMap<>();
    for (String arg : args) {
      int equals = arg.indexOf('=');
      if (!arg.startsWith("--") || equals < 0) {
        throw new IllegalArgumentException("options are --name=value: " + usage);
      }
      options.put(arg.substring(2, equals), arg.substring(equals + 1));
    }
    if (!options.containsKey("data")) {
      throw new IllegalArgumentException("--data=DIR is required: a split folder of synthetic Avro examples");
    }
    return options;
  }

  /** The Avro files of a split folder, in name order. */
  static List<File> avroFiles(Path split) throws IOException {
    List<File> files;
    try (Stream<Path> list = Files.list(split)) {
      files = list.filter(p -> p.toString().endsWith(".avro")).sorted().map(Path::toFile).toList();
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException(split + " has no .avro files: generate them with samples/synthetic/generate.sh --format=avro");
    }
    return files;
  }

  /** Every record of every file, as a Row, read lazily file after file with Avro's own reader. */
  static Iterator<Row> rows(List<File> files, Schema schema) {
    return new Iterator<>() {
      private final Iterator<File> next = files.iterator();
      private final GenericDatumReader<GenericRecord> datum = new GenericDatumReader<>();
      private DataFileReader<GenericRecord> reader;
      private GenericRecord reuse;

      @Override
      public boolean hasNext() {
        try {
          while (reader == null || !reader.hasNext()) {
            if (reader != null) {
              reader.close();
            }
            if (!next.hasNext()) {
              return false;
            }
            reader = new DataFileReader<>(next.next(), datum);
          }
          return true;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        try {
          reuse = reader.next(reuse);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return AvroUtils.toBeamRowStrict(reuse, schema);
      }
    };
  }

  static Pipeline pipeline(String profile) {
    return Pipeline.create(JobArguments.parse(new String[] {"--profile=" + profile}, TributaryOptions.class));
  }

  /**
   * Runs a trivial pipeline first, so that the runner's one-time start-up in this JVM (class
   * loading, an embedded cluster's services) is not charged to whichever pass runs first.
   */
  static void warmUp(String profile) {
    Pipeline pipeline = pipeline(profile);
    pipeline.apply("WarmUp", Create.of(List.of("a", "b")))
        .apply("Identity", MapElements.into(TypeDescriptors.strings()).via((String x) -> x));
    run(pipeline);
  }

  static PipelineResult run(Pipeline pipeline) {
    PipelineResult result = pipeline.run();
    PipelineResult.State state = result.waitUntilFinish();
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("the pipeline ended " + state);
    }
    return result;
  }

  /** A counter's attempted value summed over the steps that report it. */
  static long counter(PipelineResult result, String namespace, String name) {
    long total = 0;
    for (MetricResult<Long> counter : result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named(namespace, name)).build()).getCounters()) {
      total += counter.getAttempted();
    }
    return total;
  }
}
