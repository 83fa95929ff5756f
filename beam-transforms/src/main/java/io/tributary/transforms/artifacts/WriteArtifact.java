package io.tributary.transforms.artifacts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;

/**
 * Writes the elements of a bounded collection as one text file through {@link ArtifactFiles}, on
 * a worker, so the file lands wherever the pipeline's file systems reach. The writes behind
 * {@code StatisticsJson.writeTo}, {@code SchemaJson.writeTo}, {@code AnomaliesJson.writeTo} and
 * {@code StatisticsReport.writeTo}; use those.
 *
 * <p>The elements are grouped onto one worker first, so a file is written once, from all of them,
 * and a retried write rewrites the same bytes. Empty input writes no file. For batch pipelines (or
 * windows that close): the group waits for the end of its window.
 *
 * @param <T> the artifact's type; its coder is the input's
 */
public final class WriteArtifact<T> extends PTransform<PCollection<T>, PDone> {
  private static final long serialVersionUID = 1L;

  private final String method;
  private final String file;
  private final boolean single;
  private final SerializableFunction<List<T>, String> render;

  private WriteArtifact(String method, String file, boolean single, SerializableFunction<List<T>, String> render) {
    super(method);
    this.method = method;
    this.file = file;
    this.single = single;
    this.render = render;
  }

  /**
   * Writes the one element of the input as {@code file}; more than one fails the run. {@code
   * method} (how the user made the transform, e.g. {@code StatisticsJson.writeTo}) is the
   * transform's default name and what its errors name.
   */
  public static <T> WriteArtifact<T> one(String method, String file, SerializableFunction<T, String> toText) {
    return new WriteArtifact<>(method, file, true, all -> toText.apply(all.get(0)));
  }

  /** Writes {@code render} of all the input's elements (in no set order) as {@code file}. */
  public static <T> WriteArtifact<T> all(String method, String file, SerializableFunction<List<T>, String> render) {
    return new WriteArtifact<>(method, file, false, render);
  }

  @Override
  public PDone expand(PCollection<T> input) {
    input
        .apply("OneKey", WithKeys.of(file))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), input.getCoder()))
        .apply("Gather", GroupByKey.create())
        .apply("Write", ParDo.of(new WriteFn<>(method, single, render)));
    return PDone.in(input.getPipeline());
  }

  private static final class WriteFn<T> extends DoFn<KV<String, Iterable<T>>, Void> {
    private static final long serialVersionUID = 1L;
    private final String method;
    private final boolean single;
    private final SerializableFunction<List<T>, String> render;

    WriteFn(String method, boolean single, SerializableFunction<List<T>, String> render) {
      this.method = method;
      this.single = single;
      this.render = render;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<T>> group) {
      List<T> elements = new ArrayList<>();
      group.getValue().forEach(elements::add);
      if (single && elements.size() > 1) {
        throw new IllegalArgumentException(method + ": got " + elements.size() + " elements for the one file "
            + group.getKey() + "; write each split to its own folder");
      }
      try {
        ArtifactFiles.writeText(group.getKey(), render.apply(elements));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + group.getKey() + ": " + e.getMessage(), e);
      }
    }
  }
}
