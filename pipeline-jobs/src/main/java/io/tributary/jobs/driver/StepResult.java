package io.tributary.jobs.driver;

import java.util.Map;

/**
 * How one component fared in a run.
 *
 * @param state COMPLETE, CACHED, FAILED or SKIPPED (a COMPLETE or CACHED step with an {@code error}
 *     stopped the run: see {@link #stopped()})
 * @param outputs output name to the artifact's folder
 * @param rows rows the component produced (from its outputs' {@code rows} property), or null
 * @param error why it failed or stopped the run, or null
 * @param skipReason why it did not run (e.g. the model is not blessed), or null; a skip is no failure
 */
public record StepResult(
    String componentId, String type, String state, double seconds, long executionId, Map<String, String> outputs,
    Long rows, String error, String skipReason) {

  public static final String SKIPPED = "SKIPPED";

  /** How a step that ran (or was cached) and then stopped the run is shown: {@link #shownState()}. */
  public static final String STOPPED = "STOPPED";

  /** A step that ran, was cached or failed. */
  public StepResult(
      String componentId, String type, String state, double seconds, long executionId, Map<String, String> outputs,
      Long rows, String error) {
    this(componentId, type, state, seconds, executionId, outputs, rows, error, null);
  }

  /** A step the driver did not run, and why. */
  static StepResult skipped(String componentId, String type, double seconds, long executionId, String reason) {
    return new StepResult(componentId, type, SKIPPED, seconds, executionId, Map.of(), null, null, reason);
  }

  /**
   * True when the step itself succeeded but its result stops the run (ExampleValidator found
   * anomalies at {@code failOn}): its outputs are recorded, nothing downstream runs.
   */
  public boolean stopped() {
    return error != null && !"FAILED".equals(state);
  }

  /** The state a person is shown: {@value #STOPPED} for a step that stopped the run, else {@link #state}. */
  public String shownState() {
    return stopped() ? STOPPED : state;
  }

  /** Why the step stopped, failed or was skipped, or null: the reason without the "stops the run: " prefix. */
  String reason() {
    String why = error != null ? error : skipReason;
    return why == null ? null : why.replaceFirst("^stops the run: ", "");
  }

  /** The progress line: {@code ExampleGen  COMPLETE  5.2 s  344 rows}. */
  String line() {
    return String.format("%-16s %-9s %6.1f s%s%s%s", componentId, shownState(), seconds,
        rows == null ? "" : String.format("  %,d rows", rows), error == null ? "" : "  " + error,
        skipReason == null ? "" : "  " + skipReason);
  }
}
