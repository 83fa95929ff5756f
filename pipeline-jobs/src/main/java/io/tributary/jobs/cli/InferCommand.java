package io.tributary.jobs.cli;

import io.tributary.jobs.infer.InferJob;
import io.tributary.jobs.infer.InferOptions;
import picocli.CommandLine.Command;

/** {@code tributary infer}: see {@link InferJob}. */
@Command(
    name = "infer",
    description =
        "Scores the raw examples of every split with a trained model (BulkInferrer): the fitted"
            + " transform, then the model; rows that cannot be scored go to errors/.")
final class InferCommand extends JobCommand<InferOptions> {

  @Override
  Class<InferOptions> optionsType() {
    return InferOptions.class;
  }

  @Override
  void run(InferOptions options) {
    new InferJob(options, System.out).run();
  }
}
