package io.tributary.jobs.cli;

import io.tributary.jobs.tune.TuneJob;
import io.tributary.jobs.tune.TuneOptions;
import picocli.CommandLine.Command;

/** {@code tributary tune}: see {@link TuneJob}. */
@Command(
    name = "tune",
    description =
        "Searches hyper-parameters (grid or random) by training and scoring trials in parallel; writes"
            + " trials.json and best_hyperparameters.json, which train --hyperparameters takes.")
final class TuneCommand extends JobCommand<TuneOptions> {

  @Override
  Class<TuneOptions> optionsType() {
    return TuneOptions.class;
  }

  @Override
  void run(TuneOptions options) throws Exception {
    new TuneJob(options, System.out).run();
  }
}
