package io.tributary.jobs.cli;

import io.tributary.jobs.execution.Progress;
import io.tributary.jobs.infra.CanarySettings;
import io.tributary.jobs.infra.InfraBlessing;
import io.tributary.jobs.infra.InfraValidateJob;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tributary infra-validate}: see {@link InfraValidateJob}. Exit code {@value #NOT_BLESSED}
 * when the model is not infra-blessed, so it can gate a CI job.
 */
@Command(
    name = "infra-validate",
    mixinStandardHelpOptions = true,
    description = {
      "Loads a model in a fresh JVM as a server would, sends canary rows of real examples through the"
          + " single-record serving path, checks latency and heap against limits, and writes INFRA_BLESSED"
          + " or INFRA_NOT_BLESSED (with the reason) and infra_blessing.json.",
      "Exit codes: 0 INFRA_BLESSED; 3 INFRA_NOT_BLESSED; 2 wrong options; 1 failure."
    })
final class InfraValidateCommand implements Callable<Integer> {

  static final int NOT_BLESSED = 3;

  @Option(names = "--model", required = true, description = "The model folder (model.pb, model.json): the Trainer's output.")
  Path model;

  @Option(names = "--transform", description = "The fitted transform folder (transform_fn.json); default: the one model.json names.")
  Path transform;

  @Option(names = "--examples", required = true, description = "Examples folder (ExampleGen's output): the canary rows come from it.")
  Path examples;

  @Option(names = "--split", description = "The split the canary rows come from (default: ${DEFAULT-VALUE}).")
  String split = CanarySettings.DEFAULT_SPLIT;

  @Option(names = "--canaryRows", description = "How many rows (the first of the split) are served (default: ${DEFAULT-VALUE}).")
  int canaryRows = CanarySettings.DEFAULT_ROWS;

  @Option(names = "--maxP99LatencyMs", description = "Not blessed if the 99th percentile of one prediction's latency is above this (default: no limit).")
  Double maxP99LatencyMs;

  @Option(names = "--maxHeapMb", description = "Not blessed if the serving JVM holds more heap than this once it has served the canary (default: no limit).")
  Long maxHeapMb;

  @Option(names = "--timeoutSeconds", description = "The canary JVM is killed, and the model not blessed, after this long (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds = CanarySettings.DEFAULT_TIMEOUT_SECONDS;

  @Option(names = "--output", required = true, description = "Output folder: INFRA_BLESSED or INFRA_NOT_BLESSED, and infra_blessing.json.")
  Path output;

  @Option(names = "--overwrite", description = "Replace --output if it exists.")
  boolean overwrite;

  @Override
  public Integer call() {
    return Cli.guard("infra-validate", () -> {
      CanarySettings settings = new CanarySettings(split, canaryRows, maxP99LatencyMs, maxHeapMb, timeoutSeconds);
      InfraBlessing verdict = InfraValidateJob.run(
          model, transform, examples, settings, output, overwrite, new Progress("infra-validate", System.out));
      return verdict.blessed() ? 0 : NOT_BLESSED;
    });
  }
}
