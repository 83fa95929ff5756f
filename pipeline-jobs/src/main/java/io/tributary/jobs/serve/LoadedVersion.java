package io.tributary.jobs.serve;

import io.tributary.jobs.push.PushRecord;
import io.tributary.transforms.model.ModelFolder;
import io.tributary.transforms.model.ModelFormatException;
import io.tributary.transforms.model.Predictor;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One version loaded and ready to serve: its predictor (transform and model, loaded from the
 * version folder with Tribuo's protobuf format), the reader of its JSON instances and its push
 * record. Immutable; shared by every request that uses it. Requests still running on a version
 * keep it alive after it is released from the serving table, so a swap never fails one.
 *
 * <pre>{@code
 * LoadedVersion v2 = LoadedVersion.load(2, Path.of("/srv/models/penguin/2"));
 * Score score = v2.predictor().predict(v2.reader().read(instanceJson));
 * }</pre>
 */
record LoadedVersion(long version, Predictor predictor, InstanceReader reader, PushRecord push, Instant loadedAt) {

  /** The folder inside a version that holds the fitted transform. */
  static final String TRANSFORM_DIR = "transform";

  /**
   * Loads a version folder: {@code push.json}, then the model and its transform (their
   * fingerprints must match), then the {@link Canary}. Any failure is an exception whose message
   * says what is wrong with the folder.
   */
  static LoadedVersion load(long version, Path dir) {
    PushRecord push = PushRecord.read(dir);
    Predictor predictor = Predictor.load(dir.toString(), dir.resolve(TRANSFORM_DIR).toString());
    String sha = predictor.descriptor().modelSha256();
    if (!sha.equals(push.modelSha256())) {
      throw new ModelFormatException(
          dir.resolve(PushRecord.FILE) + " names model " + push.modelSha256() + " but " + ModelFolder.DESCRIPTOR_FILE
              + " holds " + sha + ": the version folder mixes two pushes; push the model again");
    }
    Canary.check(predictor);
    return new LoadedVersion(version, predictor, InstanceReader.of(predictor.transform()), push, Instant.now());
  }
}
