package io.tributary.jobs.cli;

import io.tributary.jobs.artifacts.JobFileSystems;
import io.tributary.jobs.execution.Progress;
import io.tributary.jobs.validation.CheckedSplit;
import io.tributary.jobs.validation.FailOn;
import io.tributary.jobs.validation.ValidateJob;
import io.tributary.jobs.validation.ValidateSettings;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tributary validate}: see {@link ValidateJob}. Exit code {@value #ANOMALIES} when
 * anomalies at or above {@code --failOn} were found, so it can gate a CI job.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks statistics against a schema, compares them with a baseline (drift) and serving statistics with the"
          + " training split (skew); writes anomalies.json per split and anomalies.html.",
      "Exit codes: 0 no anomaly at or above --failOn; 3 some; 2 wrong options; 1 failure."
    })
final class ValidateCommand implements Callable<Integer> {

  static final int ANOMALIES = 3;

  @Option(names = "--statistics", required = true, description = "StatisticsGen's output folder.")
  String statistics;

  @Option(names = "--schema", required = true, description = "A schema.json, or a folder holding one (SchemaGen's output).")
  String schema;

  @Option(names = "--output", required = true, description = "Output folder; gets Split-<name>/anomalies.json and anomalies.html.")
  String output;

  @Option(names = "--baselineStatistics", description = "Statistics of the previous span: each split is compared with the same split there (drift).")
  String baseline;

  @Option(names = "--servingStatistics", description = "Statistics of serving data: each of its splits is checked in"
      + " --servingEnvironment and compared with --trainingSplit of --statistics (skew); written to serving/Split-<name>/.")
  String serving;

  @Option(names = "--trainingSplit", description = "The split of --statistics that serving data is compared with (default: ${DEFAULT-VALUE}).")
  String trainingSplit = ValidateSettings.TRAINING_SPLIT;

  @Option(names = "--servingEnvironment", description = "The environment serving splits are validated in (default: ${DEFAULT-VALUE}).")
  String servingEnvironment = "SERVING";

  @Option(names = "--environment", description = "The environment to validate in, e.g. SERVING (where the label may be absent).")
  String environment;

  @Option(names = "--failOn", description = "error, warning or never (default: ${DEFAULT-VALUE}).")
  String failOn = "error";

  @Option(names = "--overwrite", description = "Replace --output if it exists.")
  boolean overwrite;

  @Override
  public Integer call() {
    return Cli.guard("validate", () -> {
      JobFileSystems.register(PipelineOptionsFactory.create());
      FailOn threshold = FailOn.parse(failOn);
      ValidateSettings settings = ValidateSettings.of(statistics, schema, output)
          .withBaseline(baseline)
          .withServing(serving)
          .withTrainingSplit(trainingSplit)
          .withEnvironment(environment)
          .withServingEnvironment(servingEnvironment)
          .withOverwrite(overwrite);
      List<CheckedSplit> checked = ValidateJob.run(settings, new Progress("validate", System.out));
      long blocking = threshold.count(checked.stream().map(CheckedSplit::anomalies).toList());
      if (blocking > 0) {
        System.err.println("tributary validate: " + blocking + " anomal" + (blocking == 1 ? "y" : "ies")
            + " at or above --failOn=" + failOn);
        return ANOMALIES;
      }
      return 0;
    });
  }
}
