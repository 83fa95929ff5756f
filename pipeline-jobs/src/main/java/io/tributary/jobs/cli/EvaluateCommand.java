package io.tributary.jobs.cli;

import io.tributary.jobs.evaluate.EvaluateJob;
import io.tributary.jobs.evaluate.EvaluateOptions;
import picocli.CommandLine.Command;

/** {@code tributary evaluate}: see {@link EvaluateJob}. */
@Command(
    name = "evaluate",
    description =
        "Scores a split with a candidate model (and a baseline model), computes metrics overall and"
            + " per slice, checks the thresholds of the config and writes metrics.json,"
            + " evaluation.html and BLESSED or NOT_BLESSED with the reasons (format: pipeline-jobs/docs/evaluator.md)."
            + " A model that is not blessed is a result, not an error: the exit code is 0.")
final class EvaluateCommand extends JobCommand<EvaluateOptions> {

  @Override
  Class<EvaluateOptions> optionsType() {
    return EvaluateOptions.class;
  }

  @Override
  void run(EvaluateOptions options) {
    new EvaluateJob(options, System.out).run();
  }
}
