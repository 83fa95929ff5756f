package io.tributary.jobs.cli;

import io.tributary.jobs.train.TrainJob;
import io.tributary.jobs.train.TrainOptions;
import picocli.CommandLine.Command;

/** {@code tributary train}: see {@link TrainJob}. */
@Command(
    name = "train",
    description =
        "Trains a Tribuo model on examples transformed by a fitted transform, evaluates it on the"
            + " eval split and saves the model folder (model.pb, model.json, artifact.json).")
final class TrainCommand extends JobCommand<TrainOptions> {

  @Override
  Class<TrainOptions> optionsType() {
    return TrainOptions.class;
  }

  @Override
  void run(TrainOptions options) {
    new TrainJob(options, System.out).run();
  }
}
