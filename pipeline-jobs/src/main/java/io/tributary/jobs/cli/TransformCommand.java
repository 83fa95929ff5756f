package io.tributary.jobs.cli;

import io.tributary.jobs.transform.TransformJob;
import io.tributary.jobs.transform.TransformOptions;
import picocli.CommandLine.Command;

/** {@code tributary transform}: see {@link TransformJob}. */
@Command(
    name = "transform",
    description =
        "Fits a transform spec (z-score, vocabularies, buckets, ...) on one split of examples in one"
            + " pass, transforms every split with it, and writes transform_fn.json, the transformed"
            + " examples and their statistics.")
final class TransformCommand extends JobCommand<TransformOptions> {

  @Override
  Class<TransformOptions> optionsType() {
    return TransformOptions.class;
  }

  @Override
  void run(TransformOptions options) {
    new TransformJob(options, System.out).run();
  }
}
