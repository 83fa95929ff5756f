package io.tributary.transforms.evaluate.blessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.evaluate.SliceKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each kind of threshold, with and without a baseline, on the overall slice and on slices. */
class ThresholdJudgeTest {

  private static final SliceKey BISCOE = new SliceKey(List.of("island"), List.of("Biscoe"));
  private static final SliceKey DREAM = new SliceKey(List.of("island"), List.of("Dream"));

  private static final Map<SliceKey, Map<String, Double>> GOOD =
      Map.of(
          SliceKey.OVERALL, Map.of("accuracy", 0.95, "logLoss", 0.20, "examples", 114.0),
          BISCOE, Map.of("accuracy", 0.97, "examples", 60.0),
          DREAM, Map.of("accuracy", 0.90, "examples", 54.0));

  private static final Map<SliceKey, Map<String, Double>> WORSE =
      Map.of(
          SliceKey.OVERALL, Map.of("accuracy", 0.90, "logLoss", 0.30, "examples", 114.0),
          BISCOE, Map.of("accuracy", 0.95, "examples", 60.0),
          DREAM, Map.of("accuracy", 0.85, "examples", 54.0));

  @Test
  void valueThresholdsBoundTheValueInclusively() {
    Blessing held = judge(List.of(Threshold.atLeast("accuracy", 0.95), Threshold.atMost("logLoss", 0.2)), GOOD, null);
    assertTrue(held.blessed(), held.reasons().toString());
    assertEquals(2, held.checks().size());
    assertEquals("accuracy on Overall is 0.95 (>= 0.95)", held.checks().get(0).message());

    Blessing failed = judge(List.of(Threshold.atLeast("accuracy", 0.99)), GOOD, null);
    assertFalse(failed.blessed());
    assertEquals(List.of("accuracy on Overall is 0.95, not >= 0.99"), failed.reasons());

    Blessing between = judge(List.of(new Threshold("logLoss", null, 0.25, 0.5, null)), GOOD, null);
    assertEquals(List.of("logLoss on Overall is 0.2, not in [0.25, 0.5]"), between.reasons());
  }

  @Test
  void aSliceThresholdChecksThatSliceAndAWildcardEverySliceOfItsColumn() {
    Blessing biscoe = judge(List.of(Threshold.atLeast("accuracy", 0.95).onSlice(Map.of("island", "Biscoe"))), GOOD, null);
    assertTrue(biscoe.blessed());
    assertEquals("island=Biscoe", biscoe.checks().get(0).slice());

    Blessing every = judge(List.of(Threshold.atLeast("accuracy", 0.95).onSlice(Map.of("island", "*"))), GOOD, null);
    assertEquals(2, every.checks().size());
    assertEquals(List.of("accuracy on island=Dream is 0.9, not >= 0.95"), every.reasons());
  }

  @Test
  void aThresholdOnAnEmptySliceOrAMetricNotComputedFails() {
    Blessing noRows = judge(List.of(Threshold.atLeast("accuracy", 0.5).onSlice(Map.of("island", "Torgersen"))), GOOD, null);
    assertFalse(noRows.blessed());
    assertTrue(noRows.reasons().get(0).contains("no evaluated row is in this slice"), noRows.reasons().toString());

    Blessing noValue = judge(List.of(Threshold.atMost("rocAuc", 1)), GOOD, null);
    assertFalse(noValue.blessed());
    assertNull(noValue.checks().get(0).candidate());
    assertTrue(noValue.reasons().get(0).startsWith("rocAuc on Overall could not be computed"), noValue.reasons().toString());
  }

  @Test
  void withoutABaselineChangeThresholdsAreSkippedAndAFirstModelIsBlessed() {
    Threshold notWorse = Threshold.change("accuracy", ChangeThreshold.absolute(Direction.HIGHER_IS_BETTER, 0));
    Blessing first = judge(List.of(Threshold.atLeast("accuracy", 0.9), notWorse), GOOD, null);
    assertTrue(first.blessed());
    assertEquals(1, first.checks().size(), "only the value threshold is checked");
    assertEquals(List.of("change of accuracy on Overall: no baseline model"), first.skipped());
    assertTrue(first.summary().contains("1 of 1 threshold checks passed; 1 skipped"), first.summary());
  }

  @Test
  void aWorseModelIsNotBlessedAgainstABetterBaseline() {
    Threshold notWorse = Threshold.change("accuracy", ChangeThreshold.absolute(Direction.HIGHER_IS_BETTER, -0.01));
    Blessing worse = judge(List.of(Threshold.atLeast("accuracy", 0.8), notWorse), WORSE, GOOD);
    assertFalse(worse.blessed());
    assertEquals(
        List.of("accuracy on Overall: candidate 0.9 vs baseline 0.95, change -0.05 (-5.26316%), not change >= -0.01 (higher is better)"),
        worse.reasons());
    ThresholdCheck change = worse.checks().get(1);
    assertEquals(ThresholdCheck.CHANGE, change.kind());
    assertEquals(0.95, change.baseline());

    assertTrue(judge(List.of(notWorse), GOOD, WORSE).blessed(), "the better model against the worse one");
    assertTrue(judge(List.of(notWorse), GOOD, GOOD).blessed(), "the same model");
  }

  @Test
  void lowerIsBetterAndRelativeChanges() {
    // Log loss 0.30 -> 0.20: a change of -0.10, -33% relative.
    Threshold fallsByAFifth = Threshold.change("logLoss", ChangeThreshold.relative(Direction.LOWER_IS_BETTER, -0.2));
    assertTrue(judge(List.of(fallsByAFifth), GOOD, WORSE).blessed());
    assertFalse(judge(List.of(fallsByAFifth), WORSE, GOOD).blessed());
    Threshold fallsByHalf = Threshold.change("logLoss", ChangeThreshold.relative(Direction.LOWER_IS_BETTER, -0.5));
    assertFalse(judge(List.of(fallsByHalf), GOOD, WORSE).blessed());
    // The direction defaults to the metric's: log loss improves downwards.
    Threshold noRise = Threshold.change("logLoss", new ChangeThreshold(null, 0.0, null));
    assertTrue(judge(List.of(noRise), GOOD, WORSE).blessed());
    Blessing rose = judge(List.of(noRise), WORSE, GOOD);
    assertEquals("change <= 0 (lower is better)", rose.checks().get(0).bound());
    assertFalse(rose.blessed());
    // Higher is better, relative: accuracy 0.90 -> 0.95 is +5.6%.
    Threshold fivePercentBetter = Threshold.change("accuracy", ChangeThreshold.relative(Direction.HIGHER_IS_BETTER, 0.05));
    assertTrue(judge(List.of(fivePercentBetter), GOOD, WORSE).blessed());
    assertFalse(judge(List.of(fivePercentBetter.onSlice(Map.of("island", "Biscoe"))), GOOD, WORSE).blessed());
  }

  @Test
  void noThresholdsBlessesAndSaysSo() {
    Blessing blessing = judge(List.of(), GOOD, null);
    assertTrue(blessing.blessed());
    assertEquals("no thresholds configured", blessing.summary());
  }

  private static Blessing judge(
      List<Threshold> thresholds, Map<SliceKey, Map<String, Double>> candidate, Map<SliceKey, Map<String, Double>> baseline) {
    return ThresholdJudge.judge(thresholds, candidate, baseline);
  }
}
