package io.tributary.jobs.cli;

import io.tributary.jobs.examplegen.ExampleGenJob;
import io.tributary.jobs.examplegen.ExampleGenOptions;
import picocli.CommandLine.Command;

/** {@code tributary examplegen}: see {@link ExampleGenJob}. */
@Command(
    name = "examplegen",
    description =
        "Reads CSV, JSON lines, Avro or Parquet into split examples (Avro or Parquet), with"
            + " unreadable records kept as dead letters in errors/.")
final class ExampleGenCommand extends JobCommand<ExampleGenOptions> {

  @Override
  Class<ExampleGenOptions> optionsType() {
    return ExampleGenOptions.class;
  }

  @Override
  void run(ExampleGenOptions options) {
    new ExampleGenJob(options, System.out).run();
  }
}
