package io.tributary.transforms.transform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.extensions.avro.schemas.utils.AvroUtils;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;

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
    writeText(file(directory, TRANSFORM_FN), fn.toJson());
    writeText(file(directory, OUTPUT_SCHEMA), AvroUtils.toAvroSchema(fn.outputSchema()).toString(true) + "\n");
  }

  public static TransformFn read(String directory) {
    return TransformFn.fromJson(readText(file(directory, TRANSFORM_FN)));
  }

  private static ResourceId file(String directory, String name) {
    return FileSystems.matchNewResource(directory, true).resolve(name, StandardResolveOptions.RESOLVE_FILE);
  }

  private static void writeText(ResourceId file, String text) {
    try (OutputStream out = Channels.newOutputStream(FileSystems.create(file, MimeTypes.TEXT))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static String readText(ResourceId file) {
    try (InputStream in = Channels.newInputStream(FileSystems.open(file))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
