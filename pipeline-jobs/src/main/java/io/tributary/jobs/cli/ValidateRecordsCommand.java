package io.tributary.jobs.cli;

import io.tributary.jobs.validation.RecordValidationSummary;
import io.tributary.jobs.validation.ValidateRecordsJob;
import io.tributary.jobs.validation.ValidateRecordsOptions;
import picocli.CommandLine.Command;

/**
 * {@code tributary validate-records}: see {@link ValidateRecordsJob}. Exit code {@value
 * ValidateCommand#ANOMALIES} when the invalid records exceed {@code --failOn}, as {@code validate}
 * does for anomalies, so it can gate a CI job.
 */
@Command(
    name = "validate-records",
    description =
        "Checks every record of the examples against a schema and writes the failing ones, with their"
            + " reasons, as JSON lines per split, and counts per split and reason to summary.json."
            + " Exit codes: 0 invalid records within --failOn; 3 more; 2 wrong options; 1 failure.")
final class ValidateRecordsCommand extends JobCommand<ValidateRecordsOptions> {

  private RecordValidationSummary summary;

  @Override
  Class<ValidateRecordsOptions> optionsType() {
    return ValidateRecordsOptions.class;
  }

  @Override
  void run(ValidateRecordsOptions options) {
    summary = new ValidateRecordsJob(options, System.out).run();
  }

  @Override
  int exitCode() {
    if (!summary.failed()) {
      return 0;
    }
    System.err.println("tributary validate-records: " + summary.invalid() + " of " + summary.records()
        + " records invalid, more than --failOn=" + summary.failOn() + " allows");
    return ValidateCommand.ANOMALIES;
  }
}
