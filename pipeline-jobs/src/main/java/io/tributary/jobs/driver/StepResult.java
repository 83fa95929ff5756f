package io.tributary.jobs.driver;

import java.util.Map;

/**
 * How one component fared in a run.
 *
 * @param state COMPLETE, CACHED or FAILED
 * @param outputs output name to the artifact's folder
 * @param rows rows the component produced (from its outputs' {@code rows} property), or null
 * @param error why it failed or stopped the run, or null
 */
public record StepResult(
    String componentId, String type, String state, double seconds, long executionId, Map<String, String> outputs,
    Long rows, String error) {

  /** The progress line: {@code ExampleGen  COMPLETE  5.2 s  344 rows}. */
  String line() {
    return String.format("%-16s %-9s %6.1f s%s%s", componentId, state, seconds,
        rows == null ? "" : String.format("  %,d rows", rows), error == null ? "" : "  " + error);
  }
}
