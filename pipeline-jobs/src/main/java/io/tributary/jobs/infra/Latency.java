package io.tributary.jobs.infra;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Arrays;

/**
 * Quantiles of single-prediction latencies, in milliseconds, by the nearest-rank method (the
 * p99 of 100 measurements is the 99th smallest).
 */
@JsonPropertyOrder({"p50", "p90", "p99", "max"})
public record Latency(double p50, double p90, double p99, double max) {

  /** The quantiles of {@code nanos}, which must not be empty. */
  public static Latency ofNanos(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new Latency(
        millis(quantile(sorted, 0.50)), millis(quantile(sorted, 0.90)), millis(quantile(sorted, 0.99)),
        millis(sorted[sorted.length - 1]));
  }

  private static long quantile(long[] sorted, double q) {
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }
}
