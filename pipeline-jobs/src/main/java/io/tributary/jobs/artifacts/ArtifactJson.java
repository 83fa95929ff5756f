package io.tributary.jobs.artifacts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How the versioned JSON files of artifacts ({@code trials.json}, {@code push.json}, ...) are
 * written and read: indented, fields in declaration order, and readers that skip fields a later
 * version added (a new field never breaks an old reader; a new {@code formatVersion} does).
 *
 * <pre>{@code
 * ArtifactJson.write(folder.resolve("push.json"), record);
 * PushRecord again = ArtifactJson.read(folder.resolve("push.json"), PushRecord.class);
 * }</pre>
 */
public final class ArtifactJson {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ArtifactJson() {}

  public static void write(Path file, Object value) {
    try {
      Files.writeString(file, toJson(value) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads {@code file}; a missing or malformed file is an error naming it. */
  public static <T> T read(Path file, Class<T> type) {
    try {
      return JSON.readValue(file.toFile(), type);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** One value as indented JSON. */
  public static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  /** Parses JSON text. */
  public static <T> T parse(String json, Class<T> type) throws JsonProcessingException {
    return JSON.readValue(json, type);
  }
}
