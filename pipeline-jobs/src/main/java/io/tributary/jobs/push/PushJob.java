package io.tributary.jobs.push;

import io.tributary.jobs.artifacts.StagedOutput;
import io.tributary.jobs.execution.Progress;
import io.tributary.jobs.options.InputPaths;
import io.tributary.jobs.options.UsageException;
import io.tributary.transforms.model.ModelFolder;
import io.tributary.transforms.model.ModelFormatException;
import io.tributary.transforms.model.Predictor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Pushes a blessed model to a serving directory as a new version:
 *
 * <pre>
 * &lt;servingDir&gt;/&lt;modelName&gt;/&lt;version&gt;/
 *   model.pb, model.json   copied from the model folder
 *   transform/             a copy of the transform folder (transform_fn.json, output_schema.avsc)
 *   push.json              {@link PushRecord}
 * </pre>
 *
 * <p>It refuses ({@link PushRefusedException}, nothing written) unless the blessing holds {@code
 * BLESSED} and, when given, the infra blessing {@code INFRA_BLESSED}. The model is loaded with its
 * transform ({@link Predictor#load(String, String)}) before anything is written, so a damaged model
 * file or a transform that is not the model's fails the push with the loader's message; the copy
 * is checked against the model's SHA-256 before it is published.
 *
 * <p>Crash-safe: {@code push.json}, naming the source model and transform folders and the model's
 * SHA-256, is written into the staged version before the rename that publishes it. A push killed
 * after the rename but before its caller recorded it is therefore recognised on the next push of
 * the same model: when the newest version holds this model from these folders, that version is
 * returned and nothing is copied, instead of publishing the model twice. The same check is made
 * again under the model folder's publication lock right before the rename, so pushes of one model
 * at the same instant (two {@code tributary push}, two runs) publish it once. (To serve the same model
 * again as a newer version on purpose, push it on top of a different newest version.) Staging
 * folders left by pushes killed mid-copy are swept ({@link ServingDirectory#sweepStaleStaging()}).
 * Symbolic links inside the artifact are never followed: a push meeting one fails, so nothing from
 * outside the artifact reaches the serving directory.
 *
 * <pre>{@code
 * PushResult pushed = PushJob.run(settings, new Progress("push", System.out));
 * pushed.path();   // /srv/models/penguin/3
 * }</pre>
 */
public final class PushJob {

  /** The transform's folder inside a version. */
  public static final String TRANSFORM = "transform";

  private PushJob() {}

  /** The version a push published. */
  public record PushResult(Path path, PushRecord record) {}

  public static PushResult run(PushSettings settings, Progress progress) throws IOException {
    Path model = InputPaths.folder(settings.model(), "--model");
    Path blessing = InputPaths.folder(settings.blessing(), "--blessing");
    Path infraBlessing = settings.infraBlessing() == null ? null : InputPaths.folder(settings.infraBlessing(), "--infraBlessing");
    Blessings.refusal(blessing, infraBlessing).ifPresent(reason -> {
      throw new PushRefusedException(reason);
    });
    Path transform = settings.transform() == null ? recordedTransform(model) : InputPaths.folder(settings.transform(), "--transform");
    // Load it as the model server will: a damaged model, or a transform it was not trained on, fails here.
    String sha256 = Predictor.load(model.toString(), transform.toString()).descriptor().modelSha256();
    ServingDirectory serving = ServingDirectory.of(settings.servingDir(), settings.modelName());
    for (Path swept : serving.sweepStaleStaging()) {
      progress.say("removed " + swept + ", left by a push stopped before it was published");
    }
    Optional<PushResult> published = alreadyNewest(serving, model, transform, sha256);
    if (published.isPresent()) {
      progress.say(model + " is already " + settings.modelName() + " version " + published.get().record().version()
          + " (a push of it stopped after publishing, or pushed again): nothing copied: " + published.get().path());
      return published.get();
    }
    Path staged = serving.stage();
    try {
      for (String file : List.of(ModelFolder.MODEL_FILE, ModelFolder.DESCRIPTOR_FILE)) {
        copyFile(model.resolve(file), staged.resolve(file));
      }
      copyFolder(transform, staged.resolve(TRANSFORM));
      if (!sha256.equals(ModelFolder.sha256(Files.readAllBytes(staged.resolve(ModelFolder.MODEL_FILE))))) {
        throw new IOException(model.resolve(ModelFolder.MODEL_FILE) + " changed while it was copied: push again");
      }
      PushRecord record = new PushRecord(
          PushRecord.FORMAT_VERSION, settings.modelName(), 0, Instant.now().toString(), model.toString(),
          transform.toString(), sha256);
      return serving.whileLocked(() -> {
        // Another push of this model may have published it while this one copied.
        Optional<PushResult> meanwhile = alreadyNewest(serving, model, transform, sha256);
        if (meanwhile.isPresent()) {
          StagedOutput.deleteTree(staged);
          progress.say(model + " was published as " + settings.modelName() + " version "
              + meanwhile.get().record().version() + " by another push meanwhile: nothing more published");
          return meanwhile.get();
        }
        int version = serving.publish(staged, number -> record.withVersion(number).write(staged));
        Path path = serving.version(version);
        progress.say("pushed " + model + " as " + settings.modelName() + " version " + version + ": " + path);
        return new PushResult(path, PushRecord.read(path));
      });
    } catch (IOException | RuntimeException e) {
      StagedOutput.deleteTree(staged);
      throw e;
    }
  }

  private static Path recordedTransform(Path model) {
    String recorded = ModelFolder.readDescriptor(model.toString()).transform().path();
    if (recorded == null) {
      throw new UsageException(model + "/model.json records no transform folder: give --transform");
    }
    Path path = Path.of(recorded);
    if (!Files.isDirectory(path)) {
      throw new UsageException(model + "/model.json names the transform " + recorded + ", which is not a folder: give --transform");
    }
    return path;
  }

  /**
   * The newest version when it holds this model, from these folders: published by a push that
   * was stopped before it was recorded, or pushed before and not replaced since.
   */
  private static Optional<PushResult> alreadyNewest(ServingDirectory serving, Path model, Path transform, String sha256) {
    List<Integer> versions = serving.versions();
    if (versions.isEmpty()) {
      return Optional.empty();
    }
    Path newest = serving.version(versions.get(versions.size() - 1));
    PushRecord record;
    try {
      record = PushRecord.read(newest);
    } catch (ModelFormatException unreadable) {
      return Optional.empty();   // not this push's: a complete push writes push.json before its rename
    }
    boolean same = sha256.equals(record.modelSha256()) && model.toString().equals(record.sourceModel())
        && transform.toString().equals(record.sourceTransform());
    return same ? Optional.of(new PushResult(newest, record)) : Optional.empty();
  }

  /** Copies the regular files and folders of {@code from} (not dot-prefixed ones) into a new {@code to}. */
  private static void copyFolder(Path from, Path to) throws IOException {
    Files.createDirectory(to);
    try (Stream<Path> entries = Files.list(from)) {
      for (Path entry : entries.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList()) {
        Path target = to.resolve(entry.getFileName().toString());
        if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
          copyFolder(entry, target);
        } else {
          copyFile(entry, target);
        }
      }
    }
  }

  /** Copies one regular file; a symbolic link (or a device, a pipe) fails the push rather than publish what it points to. */
  private static void copyFile(Path from, Path to) throws IOException {
    if (Files.isSymbolicLink(from)) {
      throw new IOException(from + " is a symbolic link (to " + Files.readSymbolicLink(from) + "): the Pusher follows"
          + " no links, so nothing outside the artifact is published; replace it with the file itself");
    }
    if (!Files.isRegularFile(from, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(from + " is not a regular file: the Pusher copies only files and folders; remove it");
    }
    Files.copy(from, to, LinkOption.NOFOLLOW_LINKS);
  }
}
