package io.tributary.jobs.execution;

import io.tributary.transforms.metrics.PipelineCounters;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.joda.time.Duration;

/**
 * Runs a pipeline and waits for it; anything but success is an exception, so no output is
 * published. While it runs, a progress line with Tributary's counters (rows read, dead letters,
 * ...) is printed every {@value #PROGRESS_SECONDS} seconds, on runners whose {@code run()} returns
 * before the job ends (the DirectRunner is told not to block; Spark returns at once; Flink batch
 * reports at the end).
 */
public final class BeamRun {

  static final int PROGRESS_SECONDS = 15;

  private BeamRun() {}

  public static PipelineResult toCompletion(Pipeline pipeline, Progress progress) {
    progress.say("running on " + pipeline.getOptions().getRunner().getSimpleName() + " ...");
    if (pipeline.getOptions().getRunner() == DirectRunner.class) {
      pipeline.getOptions().as(DirectOptions.class).setBlockOnRun(false);
    }
    PipelineResult result = pipeline.run();
    PipelineResult.State state = result.waitUntilFinish(Duration.standardSeconds(PROGRESS_SECONDS));
    while (state == null || !state.isTerminal()) {
      progress.say(String.format("still running after %.0f s%s", progress.elapsedSeconds(), counters(result)));
      state = result.waitUntilFinish(Duration.standardSeconds(PROGRESS_SECONDS));
    }
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("the pipeline ended " + state);
    }
    return result;
  }

  /** Tributary's counters so far, summed over steps: {@code ": rows 120,000, dead_letters 3"}. */
  private static String counters(PipelineResult result) {
    try {
      Map<String, Long> totals = PipelineCounters.ofNamespacesStartingWith(result, "tributary").byName();
      return totals.isEmpty() ? "" : ": " + totals.entrySet().stream()
          .map(e -> String.format("%s %,d", e.getKey(), e.getValue()))
          .collect(Collectors.joining(", "));
    } catch (RuntimeException notYet) {
      // Some runners cannot report metrics until the job ends.
      return "";
    }
  }
}
