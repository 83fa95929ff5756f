package io.tributary.jobs.driver;

import java.util.List;

/** What a pipeline run did, step by step. */
public record RunSummary(String pipeline, String runId, List<StepResult> steps, double seconds) {

  public RunSummary {
    steps = List.copyOf(steps);
  }

  /** True when every step completed (or was cached) and none stopped the run. */
  public boolean succeeded() {
    return steps.stream().allMatch(s -> s.error() == null);
  }

  /** {@code finished}, {@code STOPPED by <step>} or {@code FAILED at <step>}: how the run ended, for people. */
  public String outcome() {
    return steps.stream()
        .filter(s -> s.error() != null)
        .findFirst()
        .map(s -> (s.stopped() ? "STOPPED by " : "FAILED at ") + s.componentId())
        .orElse("finished");
  }

  public StepResult step(String componentId) {
    return steps.stream()
        .filter(s -> s.componentId().equals(componentId))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no step " + componentId + " in run " + runId));
  }
}
