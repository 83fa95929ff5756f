package io.tributary.jobs.infra;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * How a model is infra-validated: which examples make the canary batch, and the limits it must
 * stay within. Checked when built; every message names the setting to fix.
 *
 * <pre>{@code
 * CanarySettings settings = new CanarySettings("eval", 100, 5.0, 512L, 120);
 * CanarySettings lenient = CanarySettings.defaults();   // eval, 100 rows, no limits, 120 s
 * }</pre>
 *
 * @param split the examples split the canary rows come from (default {@code eval})
 * @param canaryRows how many rows (the first ones of the split) go through the serving path
 * @param maxP99LatencyMs the highest allowed 99th percentile of one prediction's latency, or null
 * @param maxHeapMb the most heap the serving JVM may hold once the model is loaded and has served
 *     the canary (after a full garbage collection), or null
 * @param timeoutSeconds how long the canary JVM may take in all; it is killed after that
 */
@JsonPropertyOrder({"split", "canaryRows", "maxP99LatencyMs", "maxHeapMb", "timeoutSeconds"})
public record CanarySettings(String split, int canaryRows, Double maxP99LatencyMs, Long maxHeapMb, int timeoutSeconds) {

  public static final String DEFAULT_SPLIT = "eval";
  public static final int DEFAULT_ROWS = 100;
  public static final int DEFAULT_TIMEOUT_SECONDS = 120;

  public CanarySettings {
    if (split == null || split.isBlank()) {
      throw new IllegalArgumentException("name the split the canary rows come from (split / --split)");
    }
    if (canaryRows < 1) {
      throw new IllegalArgumentException("canary rows is " + canaryRows + ": send at least 1 row (canaryRows / --canaryRows)");
    }
    if (maxP99LatencyMs != null && !(maxP99LatencyMs > 0)) {
      throw new IllegalArgumentException(
          "the p99 latency limit is " + maxP99LatencyMs + " ms: give a positive number (maxP99LatencyMs / --maxP99LatencyMs)");
    }
    if (maxHeapMb != null && maxHeapMb < 1) {
      throw new IllegalArgumentException("the heap limit is " + maxHeapMb + " MB: give at least 1 (maxHeapMb / --maxHeapMb)");
    }
    if (timeoutSeconds < 1) {
      throw new IllegalArgumentException("the timeout is " + timeoutSeconds + " s: give at least 1 (timeoutSeconds / --timeoutSeconds)");
    }
  }

  public static CanarySettings defaults() {
    return new CanarySettings(DEFAULT_SPLIT, DEFAULT_ROWS, null, null, DEFAULT_TIMEOUT_SECONDS);
  }
}
