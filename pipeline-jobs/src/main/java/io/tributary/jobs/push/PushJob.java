package io.tributary.jobs.push;

import io.tributary.jobs.artifacts.StagedOutput;
import io.tributary.jobs.execution.Progress;
import io.tributary.jobs.options.InputPaths;
import io.tributary.jobs.options.UsageException;
import io.tributary.transforms.model.ModelFolder;
import io.tributary.transforms.model.Predictor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
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
    Path staged = serving.stage();
    try {
      for (String file : List.of(ModelFolder.MODEL_FILE, ModelFolder.DESCRIPTOR_FILE)) {
        Files.copy(model.resolve(file), staged.resolve(file));
      }
      copyFolder(transform, staged.resolve(TRANSFORM));
      if (!sha256.equals(ModelFolder.sha256(Files.readAllBytes(staged.resolve(ModelFolder.MODEL_FILE))))) {
        throw new IOException(model.resolve(ModelFolder.MODEL_FILE) + " changed while it was copied: push again");
      }
      PushRecord record = new PushRecord(
          PushRecord.FORMAT_VERSION, settings.modelName(), 0, Instant.now().toString(), model.toString(),
          transform.toString(), sha256);
      int version = serving.publish(staged, number -> record.withVersion(number).write(staged));
      Path path = serving.version(version);
      progress.say("pushed " + model + " as " + settings.modelName() + " version " + version + ": " + path);
      return new PushResult(path, PushRecord.read(path));
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

  /** Copies the regular files and folders of {@code from} (not dot-prefixed ones) into a new {@code to}. */
  private static void copyFolder(Path from, Path to) throws IOException {
    Files.createDirectory(to);
    try (Stream<Path> entries = Files.list(from)) {
      for (Path entry : entries.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList()) {
        Path target = to.resolve(entry.getFileName().toString());
        if (Files.isDirectory(entry)) {
          copyFolder(entry, target);
        } else {
          Files.copy(entry, target);
        }
      }
    }
  }
}
