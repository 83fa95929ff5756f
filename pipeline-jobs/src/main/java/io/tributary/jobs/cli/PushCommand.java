package io.tributary.jobs.cli;

import io.tributary.jobs.execution.Progress;
import io.tributary.jobs.push.PushJob;
import io.tributary.jobs.push.PushRefusedException;
import io.tributary.jobs.push.PushSettings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tributary push}: see {@link PushJob}. Prints the pushed version's folder. */
@Command(
    name = "push",
    mixinStandardHelpOptions = true,
    description = {
      "Publishes a BLESSED (and, with --infraBlessing, INFRA_BLESSED) model to <serving-dir>/<model-name>/<version>/"
          + " as a new version, atomically, never overwriting one; prints the version's folder.",
      "Exit codes: 0 pushed; 1 refused (not blessed; nothing written) or failed; 2 wrong options."
    })
final class PushCommand implements Callable<Integer> {

  @Option(names = "--model", required = true, description = "The model folder (model.pb, model.json): the Trainer's output.")
  Path model;

  @Option(names = "--transform", description = "The fitted transform folder copied beside the model; default: the one model.json names.")
  Path transform;

  @Option(names = "--blessing", required = true, description = "The Evaluator's blessing folder: it must hold BLESSED.")
  Path blessing;

  @Option(names = "--infraBlessing", description = "The InfraValidator's output: when given, it must hold INFRA_BLESSED.")
  Path infraBlessing;

  @Option(names = "--servingDir", required = true, description = "The serving directory a model server reads.")
  Path servingDir;

  @Option(names = "--modelName", required = true, description = "The model's folder in the serving directory (letters, digits, '.', '_', '-').")
  String modelName;

  @Override
  public Integer call() {
    return Cli.guard("push", () -> {
      PushSettings settings = new PushSettings(model, transform, blessing, infraBlessing, servingDir, modelName);
      try {
        System.out.println(PushJob.run(settings, new Progress("push", System.err)).path());
        return 0;
      } catch (PushRefusedException e) {
        System.err.println("tributary push: refused: " + e.getMessage() + " (nothing was pushed)");
        return JobCommand.FAILED;
      }
    });
  }
}
