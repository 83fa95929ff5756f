package io.tributary.jobs.cli;

import io.tributary.jobs.monitor.MonitorJob;
import io.tributary.jobs.monitor.MonitorOptions;
import picocli.CommandLine.Command;

/** {@code tributary monitor}: see {@link MonitorJob}. */
@Command(
    name = "monitor",
    description =
        "Watches a served model version over its request log spans: statistics of the served inputs,"
            + " validation in the SERVING environment, skew against the training data (found through lineage),"
            + " drift against the previous span, prediction drift and realized metrics from labels; writes"
            + " alerts.json and monitoring.html and records the run in the metadata store.")
final class MonitorCommand extends JobCommand<MonitorOptions> {

  @Override
  Class<MonitorOptions> optionsType() {
    return MonitorOptions.class;
  }

  @Override
  void run(MonitorOptions options) {
    new MonitorJob(options, System.out).run();
  }
}
