package io.tributary.jobs.cli;

import io.tributary.jobs.statistics.StatisticsGenJob;
import io.tributary.jobs.statistics.StatisticsGenOptions;
import picocli.CommandLine.Command;

/** {@code tributary statistics}: see {@link StatisticsGenJob}. */
@Command(
    name = "statistics",
    description =
        "Computes per-split feature statistics of examples in one pass (counts, missing, moments,"
            + " quantiles, histograms, top-k, distinct) and an offline HTML report.")
final class StatisticsGenCommand extends JobCommand<StatisticsGenOptions> {

  @Override
  Class<StatisticsGenOptions> optionsType() {
    return StatisticsGenOptions.class;
  }

  @Override
  void run(StatisticsGenOptions options) {
    new StatisticsGenJob(options, System.out).run();
  }
}
