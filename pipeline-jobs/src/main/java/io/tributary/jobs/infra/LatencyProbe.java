package io.tributary.jobs.infra;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

/**
 * How the canary times one prediction, so that the p99 gate decides the same on a busy, shared
 * machine as on a quiet one. A single pass of 100 timed rows has a p99 that is its second-slowest
 * time: one garbage collection, or another process holding the CPU for a moment, moved it from
 * 0.05 to 97 ms between runs of the same model. So:
 *
 * <ol>
 *   <li><b>warm-up</b>: {@code warmUp} predictions, cycling over the canary rows, are made first and
 *       not timed, so the JIT has compiled the serving path as in a server that has taken traffic;
 *   <li><b>rounds</b>: then {@code rounds} rounds each time {@code perRound} predictions (cycling
 *       over the rows: at least {@value #MIN_PER_ROUND}, so a round's p99 is not its slowest few);
 *   <li><b>a robust statistic</b>: each reported quantile (p50, p90, p99) is the <em>median over the
 *       rounds</em> of that round's quantile (nearest rank). A round disturbed by a pause changes
 *       the result only when more than half of the rounds are; {@code max} is the slowest single
 *       prediction of all rounds, reported but not gated.
 * </ol>
 *
 * <pre>{@code
 * LatencyProbe probe = LatencyProbe.forRows(rows.size());   // 1,000 warm-up, 5 rounds of 300
 * Latency latency = probe.measure(i -> predictor.predict(rows.get(i)), rows.size(), System::nanoTime);
 * latency.p99();          // the median of the 5 rounds' p99s, in ms
 * latency.roundP99s();    // each round's p99, in ms
 * }</pre>
 *
 * @param warmUp predictions made and not timed before the first round
 * @param rounds rounds of timed predictions
 * @param perRound predictions timed in each round
 */
record LatencyProbe(int warmUp, int rounds, int perRound) {

  static final int WARM_UP = 1000;
  static final int ROUNDS = 5;
  static final int MIN_PER_ROUND = 300;

  LatencyProbe {
    if (warmUp < 0 || rounds < 1 || perRound < 1) {
      throw new IllegalArgumentException(
          "a latency probe needs warmUp >= 0, rounds >= 1 and perRound >= 1, not " + warmUp + ", " + rounds + ", " + perRound);
    }
  }

  /** The canary's probe: {@value #WARM_UP} warm-up predictions, {@value #ROUNDS} rounds of at least {@value #MIN_PER_ROUND}. */
  static LatencyProbe forRows(int rows) {
    return new LatencyProbe(WARM_UP, ROUNDS, Math.max(MIN_PER_ROUND, rows));
  }

  /**
   * Warms up, then times the rounds.
   *
   * @param predict predicts row {@code i} (0 to {@code rows - 1}); a row that fails is timed as it is
   * @param rows how many rows to cycle over
   * @param nanoTime the clock, {@code System::nanoTime} outside tests
   */
  Latency measure(IntConsumer predict, int rows, LongSupplier nanoTime) {
    if (rows < 1) {
      throw new IllegalArgumentException("a latency probe needs at least one row");
    }
    int next = 0;
    for (int i = 0; i < warmUp; i++) {
      predict.accept(next);
      next = (next + 1) % rows;
    }
    double[][] quantiles = new double[3][rounds];
    List<Double> roundP99s = new ArrayList<>();
    long slowest = 0;
    for (int round = 0; round < rounds; round++) {
      long[] nanos = new long[perRound];
      for (int i = 0; i < perRound; i++) {
        long before = nanoTime.getAsLong();
        predict.accept(next);
        nanos[i] = nanoTime.getAsLong() - before;
        next = (next + 1) % rows;
      }
      Latency one = Latency.ofNanos(nanos);
      quantiles[0][round] = one.p50();
      quantiles[1][round] = one.p90();
      quantiles[2][round] = one.p99();
      roundP99s.add(one.p99());
      for (long time : nanos) {
        slowest = Math.max(slowest, time);
      }
    }
    return new Latency(median(quantiles[0]), median(quantiles[1]), median(quantiles[2]), slowest / 1e6,
        warmUp, rounds, perRound, List.copyOf(roundP99s));
  }

  /** The middle value; for an even count the lower of the two middle ones (a measured value, never a mean). */
  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[(sorted.length - 1) / 2];
  }
}
