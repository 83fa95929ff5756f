package io.tributary.transforms.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.testing.CombineFnTester;
import org.apache.beam.sdk.util.CoderUtils;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

/**
 * Each analyzer on small hand-made data, and the merge property: CombineFnTester splits the input
 * into many partitions and merge orders, all of which must give the one-pass result.
 */
class AnalyzersTest {

  private static final double EPS = 1e-9;

  private static Matcher<MeanVarianceFn.Moments> moments(long count, double mean, double variance) {
    return new CustomTypeSafeMatcher<>("count " + count + ", mean " + mean + ", variance " + variance) {
      @Override
      protected boolean matchesSafely(MeanVarianceFn.Moments m) {
        return m.count() == count && Math.abs(m.mean() - mean) < EPS && Math.abs(m.variance() - variance) < EPS;
      }
    };
  }

  @Test
  void meanAndVarianceMergeToTheOnePassResult() {
    CombineFnTester.testCombineFn(MeanVarianceFn.create(), new ArrayList<>(List.of(1.0, 2.0, 3.0, 4.0)), moments(4, 2.5, 1.25));
  }

  @Test
  void meanAndVarianceStayAccurateForLargeValuesWithASmallSpread() {
    // The naive double sum of squares loses every digit here (1e18 + small); exact sums keep them.
    List<Double> values = List.of(1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16);
    CombineFnTester.testCombineFn(MeanVarianceFn.create(), new ArrayList<>(values), moments(4, 1e9 + 10, 22.5));
  }

  @Test
  void meanAndVarianceAreExactWhereRunningSumsRound() {
    // 1e16 + 1 is not a double: a running sum drops the 1s, and the order decides which.
    List<Double> values = List.of(1e16, 1.0, 1.0, -1e16, 1.0);
    MeanVarianceFn.Moments m = MeanVarianceFn.create().apply(values);
    assertEquals(0.6, m.mean());
    // Exactly: m2 = 2e32 + 3 - 3^2 / 5, rounded once.
    assertEquals(2e32 + 1.2, m.m2());
    CombineFnTester.testCombineFn(MeanVarianceFn.create(), new ArrayList<>(values), moments(5, 0.6, (2e32 + 1.2) / 5));
  }

  @Test
  void meanAndVarianceOfSquaresBeyondTheDoubleRangeAreInfinite() {
    MeanVarianceFn.Moments m = MeanVarianceFn.create().apply(List.of(1e200, -1e200));
    assertEquals(0.0, m.mean());
    assertEquals(Double.POSITIVE_INFINITY, m.variance());
  }

  @Test
  void meanAndVarianceOfNothingAreZero() {
    CombineFnTester.testCombineFn(MeanVarianceFn.create(), new ArrayList<>(List.of()), moments(0, 0.0, 0.0));
  }

  @Test
  void minAndMax() {
    CombineFnTester.testCombineFn(MinMaxFn.create(), new ArrayList<>(List.of(3.0, -1.0, 7.0, 0.5)), new MinMaxFn.Range(4, -1.0, 7.0));
    MinMaxFn.Range none = MinMaxFn.create().apply(List.of());
    assertEquals(0, none.count());
  }

  @Test
  void quartilesOfOneToHundred() {
    List<Double> values = new ArrayList<>();
    for (int i = 100; i >= 1; i--) {
      values.add((double) i);
    }
    CombineFnTester.testCombineFn(
        QuantilesFn.boundaries(4), new ArrayList<>(values), new QuantilesFn.Quantiles(100, List.of(25.0, 50.0, 75.0)));
  }

  @Test
  void medianIsTheLowerMiddleAndCoincidingBoundariesMerge() {
    assertEquals(List.of(2.0), QuantilesFn.median().apply(List.of(4.0, 1.0, 3.0, 2.0)).values());
    assertEquals(List.of(1.0), QuantilesFn.boundaries(4).apply(List.of(1.0, 1.0, 1.0, 1.0, 2.0)).values());
    assertEquals(List.of(), QuantilesFn.boundaries(4).apply(List.of()).values());
  }

  @Test
  void topValuesByCountThenText() {
    List<String> values = List.of("b", "a", "b", "c", "b", "a", "d");
    CombineFnTester.testCombineFn(TopValuesFn.of(null, 1), new ArrayList<>(values), new TopValuesFn.TopValues(7, List.of("b", "a", "c", "d")));
    assertEquals(List.of("b", "a"), TopValuesFn.of(2, 1).apply(values).values());
    assertEquals(List.of("b", "a"), TopValuesFn.of(null, 2).apply(values).values());
    assertEquals(List.of("b"), TopValuesFn.of(5, 3).apply(values).values());
    assertEquals(List.of(), TopValuesFn.of(null, 1).apply(List.of()).values());
  }

  @Test
  void unicodeCategoriesAreCountedAsText() {
    List<String> values = List.of("Zürich", "東京", "🐧", "東京", "🐧", "🐧");
    CombineFnTester.testCombineFn(
        TopValuesFn.of(null, 1), new ArrayList<>(values), new TopValuesFn.TopValues(6, List.of("🐧", "東京", "Zürich")));
  }

  @Test
  void badSettingsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> TopValuesFn.of(0, 1));
    assertThrows(IllegalArgumentException.class, () -> TopValuesFn.of(3, 0));
    assertThrows(IllegalArgumentException.class, () -> QuantilesFn.boundaries(1));
  }

  @Test
  void accumulatorsSurviveTheirCodersAndEncodeDeterministically() throws Exception {
    List<Double> numbers = Arrays.asList(5.0, 1.5, -2.0, 8.25);
    List<String> texts = List.of("x", "y", "x", "ü");
    assertRoundTrip(MeanVarianceFn.create(), numbers);
    assertRoundTrip(MinMaxFn.create(), numbers);
    assertRoundTrip(QuantilesFn.boundaries(3), numbers);
    assertRoundTrip(TopValuesFn.of(null, 1), texts);
  }

  private static <InputT, AccumT, OutputT> void assertRoundTrip(AnalyzerFn<InputT, AccumT, OutputT> fn, List<InputT> inputs)
      throws Exception {
    AccumT acc = fn.createAccumulator();
    for (InputT input : inputs) {
      acc = fn.addInput(acc, input);
    }
    Coder<AccumT> coder = fn.accumulatorCoder();
    coder.verifyDeterministic();
    byte[] bytes = CoderUtils.encodeToByteArray(coder, acc);
    AccumT decoded = CoderUtils.decodeFromByteArray(coder, bytes);
    // Equal state, equal bytes (before extractOutput, which may sort a KLL level in place).
    assertArrayEquals(bytes, CoderUtils.encodeToByteArray(coder, decoded));
    assertEquals(fn.extractOutput(acc), fn.extractOutput(decoded));
  }
}
