package io.tributary.jobs.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.transforms.model.ModelFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A version's {@code push.json}, written by the Pusher: which model and transform artifacts the
 * version was copied from, when, and the SHA-256 of its {@code model.pb}.
 *
 * <pre>{@code
 * {"formatVersion":1,"modelName":"penguin","version":2,"pushedAt":"2026-11-22T10:00:00Z",
 *  "sourceModel":"/runs/Trainer/model/7","sourceTransform":"/runs/Transform/transform_graph/5",
 *  "modelSha256":"9f2c..."}
 * }</pre>
 *
 * <p>Read as a JSON tree, never bound to Java objects; fields added by later writers are ignored.
 * {@code modelName} and {@code version} repeat the folder names and are not needed: the folders
 * decide.
 */
record PushRecord(String pushedAt, String sourceModel, String sourceTransform, String modelSha256) {

  static final String FILE = "push.json";
  static final int FORMAT_VERSION = 1;

  /** Reads {@code push.json} from a version folder; fails naming the file and the fix. */
  static PushRecord read(Path versionDir) {
    Path file = versionDir.resolve(FILE);
    JsonNode json;
    try {
      json = Json.MAPPER.readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw new ModelFormatException(file + " is missing: publish versions with the Pusher, which writes it", e);
    } catch (IOException e) {
      throw new ModelFormatException(file + " is not readable JSON: " + Json.oneLine(e), e);
    }
    if (json == null || !json.isObject()) {
      throw new ModelFormatException(file + " is not a JSON object");
    }
    int format = json.path("formatVersion").asInt(0);
    if (format < 1 || format > FORMAT_VERSION) {
      throw new ModelFormatException(
          file + " has formatVersion " + json.path("formatVersion") + "; this server reads 1 to " + FORMAT_VERSION
              + ": upgrade Tributary");
    }
    String sha = text(json, "modelSha256");
    if (sha == null) {
      throw new ModelFormatException(file + " lacks modelSha256");
    }
    return new PushRecord(text(json, "pushedAt"), text(json, "sourceModel"), text(json, "sourceTransform"), sha);
  }

  private static String text(JsonNode json, String field) {
    JsonNode value = json.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
