package io.tributary.transforms.transform;

import io.tributary.transforms.artifacts.ArtifactFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.beam.sdk.extensions.avro.schemas.utils.AvroUtils;

/**
 * A fitted transform on disk: {@value #TRANSFORM_FN} and, beside it, the output schema as an Avro
 * schema ({@value #OUTPUT_SCHEMA}), in any directory Beam's {@code FileSystems} can reach.
 *
 * <pre>{@code
 * TransformFnFiles.write(fn, "/tmp/run/Transform/transform_graph/7");
 * TransformFn again = TransformFnFiles.read("/tmp/run/Transform/transform_graph/7");
 * }</pre>
 */
public final class TransformFnFiles {

  public static final String TRANSFORM_FN = "transform_fn.json";
  public static final String OUTPUT_SCHEMA = "output_schema.avsc";

  private TransformFnFiles() {}

  public static void write(TransformFn fn, String directory) {
    writeText(ArtifactFiles.resolve(directory, TRANSFORM_FN), fn.toJson());
    writeText(ArtifactFiles.resolve(directory, OUTPUT_SCHEMA), AvroUtils.toAvroSchema(fn.outputSchema()).toString(true) + "\n");
  }

  public static TransformFn read(String directory) {
    String file = ArtifactFiles.resolve(directory, TRANSFORM_FN);
    try {
      return TransformFn.fromJson(ArtifactFiles.readText(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static void writeText(String file, String text) {
    try {
      ArtifactFiles.writeText(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
