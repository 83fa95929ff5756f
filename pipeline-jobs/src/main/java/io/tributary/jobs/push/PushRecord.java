package io.tributary.jobs.push;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.tributary.jobs.artifacts.ArtifactJson;
import io.tributary.transforms.model.ModelFormatException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code push.json} in every version folder: which model was pushed, when, and from where.
 * Format version 1; fields are only ever added.
 *
 * <pre>{@code
 * {"formatVersion": 1, "modelName": "penguin", "version": 3, "pushedAt": "2026-11-22T10:15:30.123Z",
 *  "sourceModel": "/runs/Trainer/model/12", "sourceTransform": "/runs/Transform/transform_graph/7",
 *  "modelSha256": "5f0c..."}
 * }</pre>
 *
 * @param formatVersion 1
 * @param modelName the serving name
 * @param version the version number, the folder's name
 * @param pushedAt when, ISO-8601 in UTC
 * @param sourceModel the model folder copied
 * @param sourceTransform the transform folder copied into {@code transform/}
 * @param modelSha256 the SHA-256 of {@code model.pb}
 */
@JsonPropertyOrder({"formatVersion", "modelName", "version", "pushedAt", "sourceModel", "sourceTransform", "modelSha256"})
public record PushRecord(
    int formatVersion, String modelName, int version, String pushedAt, String sourceModel, String sourceTransform,
    String modelSha256) {

  public static final int FORMAT_VERSION = 1;
  public static final String FILE = "push.json";

  PushRecord withVersion(int number) {
    return new PushRecord(formatVersion, modelName, number, pushedAt, sourceModel, sourceTransform, modelSha256);
  }

  public void write(Path folder) {
    ArtifactJson.write(folder.resolve(FILE), this);
  }

  /**
   * Reads {@code push.json} from a version folder (the Pusher's and the model server's one
   * reader); fields added by later writers are ignored. Fails with a {@link ModelFormatException}
   * naming the file and the fix.
   */
  public static PushRecord read(Path folder) {
    Path file = folder.resolve(FILE);
    if (!Files.exists(file)) {
      throw new ModelFormatException(file + " is missing: publish versions with the Pusher, which writes it");
    }
    PushRecord record;
    try {
      record = ArtifactJson.read(file, PushRecord.class);
    } catch (RuntimeException e) {
      throw new ModelFormatException(file + " is not a readable push record: " + e.getMessage(), e);
    }
    if (record.formatVersion() < 1 || record.formatVersion() > FORMAT_VERSION) {
      throw new ModelFormatException(file + " has formatVersion " + record.formatVersion() + "; this version reads 1 to "
          + FORMAT_VERSION + ": upgrade Tributary");
    }
    if (record.modelSha256() == null) {
      throw new ModelFormatException(file + " lacks modelSha256");
    }
    return record;
  }
}
