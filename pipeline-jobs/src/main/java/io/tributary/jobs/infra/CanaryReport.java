package io.tributary.jobs.infra;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What the canary JVM measured, as it prints it on standard output (one JSON object).
 *
 * @param loaded whether the model and its transform loaded
 * @param error why loading failed, or why the canary JVM failed or was killed; else null
 * @param rows canary rows sent through the serving path
 * @param failedRows rows whose prediction threw
 * @param firstFailure the first such row's error, or null
 * @param loadMs how long loading the model and transform took
 * @param latencyMs the latency of one prediction, measured after a warm-up
 * @param heapUsedMb heap in use after loading and serving, after a full garbage collection
 */
@JsonPropertyOrder({"loaded", "error", "rows", "failedRows", "firstFailure", "loadMs", "latencyMs", "heapUsedMb"})
public record CanaryReport(
    boolean loaded, String error, int rows, int failedRows, String firstFailure, Double loadMs, Latency latencyMs,
    Double heapUsedMb) {

  /** A canary that measured nothing: the model did not load, or the JVM failed or was killed. */
  public static CanaryReport failed(String error) {
    return new CanaryReport(false, error, 0, 0, null, null, null, null);
  }
}
