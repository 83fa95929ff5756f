package io.tributary.jobs.infra;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Quantiles of single-prediction latencies, in milliseconds, by the nearest-rank method (the
 * p99 of 300 measurements is the 297th smallest), and how they were measured. The canary's figures
 * come from a {@link LatencyProbe}: each quantile is the median over {@code rounds} rounds of that
 * round's quantile, after {@code warmUpPredictions} predictions that were not timed.
 *
 * @param p50 the median latency
 * @param p90 the 90th percentile
 * @param p99 the 99th percentile: what {@code maxP99LatencyMs} gates
 * @param max the slowest single prediction measured (reported, not gated)
 * @param warmUpPredictions predictions made before timing began, not counted; null in files written
 *     before rounds were measured (one pass, no separate count)
 * @param rounds rounds of timed predictions; null in such older files
 * @param predictionsPerRound predictions timed per round; null in such older files
 * @param roundP99s each round's p99, in ms; null in such older files
 */
@JsonPropertyOrder({"p50", "p90", "p99", "max", "warmUpPredictions", "rounds", "predictionsPerRound", "roundP99s"})
public record Latency(
    double p50, double p90, double p99, double max, Integer warmUpPredictions, Integer rounds,
    Integer predictionsPerRound, List<Double> roundP99s) {

  /** The quantiles of one set of {@code nanos}, which must not be empty: no rounds, no warm-up. */
  public static Latency ofNanos(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new Latency(
        millis(quantile(sorted, 0.50)), millis(quantile(sorted, 0.90)), millis(quantile(sorted, 0.99)),
        millis(sorted[sorted.length - 1]), null, null, null, null);
  }

  /**
   * How the figures were measured, for the verdict a person reads: {@code median of 5 rounds' p99
   * (300 timed predictions each, after 1000 warm-up predictions not timed)}.
   */
  public String method() {
    if (rounds == null) {
      return "one timed pass";
    }
    return String.format(Locale.ROOT, "median of %d rounds' p99 (%d timed predictions each, after %d warm-up"
        + " predictions not timed)", rounds, predictionsPerRound, warmUpPredictions);
  }

  private static long quantile(long[] sorted, double q) {
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }
}
