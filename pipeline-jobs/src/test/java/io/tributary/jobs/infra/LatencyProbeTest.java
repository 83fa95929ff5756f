package io.tributary.jobs.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

/**
 * The canary's timing method on a clock the test controls: what is timed, what is not, and how the
 * gated p99 is computed. No wall-clock time is asserted.
 */
class LatencyProbeTest {

  private static final long MICRO = 1_000;
  private static final long MILLI = 1_000_000;

  /** A clock that advances only when a prediction "runs", by the time the schedule gives that call. */
  private static final class FakeServing {
    long now;
    final List<Integer> rowsPredicted = new ArrayList<>();
    private final java.util.function.IntToLongFunction durationOfCall;

    FakeServing(java.util.function.IntToLongFunction durationOfCall) {
      this.durationOfCall = durationOfCall;
    }

    IntConsumer predictor() {
      return row -> {
        now += durationOfCall.applyAsLong(rowsPredicted.size());
        rowsPredicted.add(row);
      };
    }
  }

  @Test
  void warmUpPredictionsAreMadeButNotTimed() {
    LatencyProbe probe = new LatencyProbe(1000, 5, 300);
    // Every warm-up prediction takes a whole second (a cold JIT); timed ones take 10 µs.
    FakeServing serving = new FakeServing(call -> call < 1000 ? 1000 * MILLI : 10 * MICRO);

    Latency latency = probe.measure(serving.predictor(), 100, () -> serving.now);

    assertEquals(1000 + 5 * 300, serving.rowsPredicted.size());
    assertEquals(0.01, latency.max(), 1e-12, "no warm-up time is counted");
    assertEquals(0.01, latency.p99(), 1e-12);
    assertEquals(1000, latency.warmUpPredictions());
    assertEquals(5, latency.rounds());
    assertEquals(300, latency.predictionsPerRound());
  }

  @Test
  void predictionsCycleOverTheRowsAcrossWarmUpAndRounds() {
    FakeServing serving = new FakeServing(call -> MICRO);
    new LatencyProbe(7, 2, 5).measure(serving.predictor(), 3, () -> serving.now);
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < 7 + 2 * 5; i++) {
      expected.add(i % 3);
    }
    assertEquals(expected, serving.rowsPredicted);
  }

  @Test
  void theGatedP99IsTheMedianOfTheRoundsP99s() {
    // Round 0 is disturbed (a GC pause, another process on the CPU): 10 of its 300 predictions take
    // 50 ms, so its p99 (the 297th smallest) is 50 ms. The other rounds have one 97 ms stall each,
    // which their p99 does not see.
    int warmUp = 10;
    int perRound = 300;
    FakeServing serving = new FakeServing(call -> {
      if (call < warmUp) {
        return MICRO;
      }
      int round = (call - warmUp) / perRound;
      int inRound = (call - warmUp) % perRound;
      if (round == 0 && inRound % 30 == 0) {
        return 50 * MILLI;
      }
      return round > 0 && inRound == 150 ? 97 * MILLI : 20 * MICRO;
    });

    Latency latency = new LatencyProbe(warmUp, 5, perRound).measure(serving.predictor(), 100, () -> serving.now);

    assertEquals(List.of(50.0, 0.02, 0.02, 0.02, 0.02), latency.roundP99s());
    assertEquals(0.02, latency.p99(), 1e-12, "one disturbed round of five moves nothing");
    assertEquals(0.02, latency.p50(), 1e-12);
    assertEquals(97.0, latency.max(), 1e-12, "the slowest single prediction is still reported");
    assertEquals(
        "median of 5 rounds' p99 (300 timed predictions each, after 10 warm-up predictions not timed)",
        latency.method());
  }

  @Test
  void aMachineBusyForMostRoundsIsMeasuredAsSlow() {
    // The statistic is robust, not blind: when three rounds of five are slow, the gate sees it.
    FakeServing serving = new FakeServing(call -> call < 3 * 300 ? 5 * MILLI : 20 * MICRO);
    Latency latency = new LatencyProbe(0, 5, 300).measure(serving.predictor(), 10, () -> serving.now);
    assertEquals(5.0, latency.p99(), 1e-12);
  }

  @Test
  void theCanaryProbeTimesAtLeast300PredictionsARound() {
    assertEquals(new LatencyProbe(1000, 5, 300), LatencyProbe.forRows(100));
    assertEquals(new LatencyProbe(1000, 5, 2000), LatencyProbe.forRows(2000));
    assertEquals(2.0, LatencyProbe.median(new double[] {9, 1, 2, 3}), "the lower middle: a measured value");
    assertThrows(IllegalArgumentException.class, () -> new LatencyProbe(0, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> LatencyProbe.forRows(1).measure(row -> {}, 0, System::nanoTime));
  }

  @Test
  void oldFilesWithoutRoundsSayHowTheyWereMeasured() {
    Latency old = Latency.ofNanos(new long[] {1 * MILLI, 2 * MILLI});
    assertEquals("one timed pass", old.method());
    assertTrue(old.rounds() == null && old.roundP99s() == null);
  }
}
