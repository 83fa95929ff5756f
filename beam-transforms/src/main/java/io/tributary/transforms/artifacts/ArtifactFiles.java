package io.tributary.transforms.artifacts;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * Reads and writes one artifact file through Beam's {@link FileSystems}: the one place where the
 * JSON readers and writers ({@code StatisticsJson}, {@code SchemaJson}, {@code AnomaliesJson}) and
 * the HTML report touch storage, in the launching JVM or inside a {@code DoFn}.
 *
 * <pre>{@code
 * FileSystems.setDefaultPipelineOptions(options);   // once, to reach gs://, hdfs://, ...
 * String file = ArtifactFiles.resolve("hdfs://nn/pipelines/penguin/Split-train", "statistics.json");
 * DatasetStatistics train = StatisticsJson.fromJson(ArtifactFiles.readText(file));
 * }</pre>
 *
 * <p>Local paths work without options; other schemes need the Beam module of that file system on
 * the class path and {@code FileSystems.setDefaultPipelineOptions} called outside a pipeline.
 * Writing creates missing parent folders on local disks; object stores have none to create.
 */
public final class ArtifactFiles {

  private ArtifactFiles() {}

  /** The file {@code name} inside {@code folder} (a path or a URI such as {@code gs://bucket/dir}). */
  public static String resolve(String folder, String name) {
    if (folder == null || folder.isBlank()) {
      throw new IllegalArgumentException("name a folder to put " + name + " in");
    }
    return FileSystems.matchNewResource(folder, true).resolve(name, StandardResolveOptions.RESOLVE_FILE).toString();
  }

  /** Writes {@code text} as UTF-8 to {@code file}, replacing what was there. */
  public static void writeText(String file, String text) throws IOException {
    writeBytes(file, text.getBytes(StandardCharsets.UTF_8), MimeTypes.TEXT);
  }

  /** The UTF-8 text of {@code file}. */
  public static String readText(String file) throws IOException {
    return new String(readBytes(file), StandardCharsets.UTF_8);
  }

  /** Writes {@code bytes} to {@code file}, replacing what was there. */
  public static void writeBytes(String file, byte[] bytes, String mimeType) throws IOException {
    try (OutputStream out = Channels.newOutputStream(FileSystems.create(resource(file), mimeType))) {
      out.write(bytes);
    }
  }

  /**
   * The bytes of {@code file}.
   *
   * @throws java.io.FileNotFoundException if there is no such file
   */
  public static byte[] readBytes(String file) throws IOException {
    try (InputStream in = Channels.newInputStream(FileSystems.open(resource(file)))) {
      return in.readAllBytes();
    }
  }

  private static ResourceId resource(String file) {
    if (file == null || file.isBlank()) {
      throw new IllegalArgumentException("name a file, as a path or a URI such as gs://bucket/file");
    }
    return FileSystems.matchNewResource(file, false);
  }
}
