package io.tributary.jobs.infra;

import io.tributary.jobs.artifacts.StagedOutput;
import io.tributary.jobs.execution.Progress;
import io.tributary.jobs.options.InputPaths;
import io.tributary.jobs.options.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Infra-validates a model: writes the canary rows (the first rows of an examples split) to a
 * JSON-lines file, runs {@link CanaryMain} on them in a child JVM ({@link CanaryProcess}), judges
 * its report against the limits and publishes the infra blessing folder ({@link InfraBlessing}).
 *
 * <pre>{@code
 * InfraBlessing verdict = InfraValidateJob.run(model, null, examples, CanarySettings.defaults(),
 *     Path.of("out/infra_blessing"), false, new Progress("infra-validate", System.out));
 * verdict.blessed();
 * }</pre>
 *
 * <p>A model that does not load (a damaged {@code model.pb}), a failing row, a timeout or a broken
 * limit is a verdict, {@code INFRA_NOT_BLESSED} with the reason, not an error: the job fails only
 * when its own inputs are wrong (a missing folder or split: {@link UsageException}) or it cannot
 * write. The output is staged and appears complete or not at all.
 */
public final class InfraValidateJob {

  private InfraValidateJob() {}

  /**
   * @param transform the transform folder, or null to use the one {@code model.json} names
   */
  public static InfraBlessing run(
      Path model, Path transform, Path examples, CanarySettings settings, Path output, boolean overwrite,
      Progress progress) throws IOException, InterruptedException {
    Path modelDir = InputPaths.folder(model, "--model");
    Path transformDir = transform == null ? null : InputPaths.folder(transform, "--transform");
    List<Map<String, Object>> rows;
    try {
      rows = CanaryRows.read(InputPaths.folder(examples, "--examples"), settings.split(), settings.canaryRows());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    StagedOutput out = StagedOutput.begin(output, overwrite);
    Path work = Files.createTempDirectory("tributary-canary");
    try {
      Path rowsFile = work.resolve("canary-rows.jsonl");
      CanaryJson.writeRecords(rowsFile, rows);
      progress.say("serving " + rows.size() + " canary rows of Split-" + settings.split() + " in a fresh JVM");
      CanaryReport report = CanaryProcess.run(modelDir, transformDir, rowsFile, settings.timeoutSeconds(), work);
      InfraBlessing verdict = InfraBlessing.judge(modelDir, transformDir, settings, report);
      verdict.write(out.staging());
      out.publish();
      progress.say((verdict.blessed() ? InfraBlessing.BLESSED + ": " : InfraBlessing.NOT_BLESSED + ": ") + verdict.reason());
      return verdict;
    } catch (IOException | RuntimeException | InterruptedException e) {
      out.abandon();
      throw e;
    } finally {
      StagedOutput.deleteTree(work);
    }
  }
}
