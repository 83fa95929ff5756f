package io.tributary.transforms.evaluate.blessing;

import io.tributary.transforms.evaluate.SliceKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides a {@link Blessing} from the thresholds and the metrics of the candidate model (and of the
 * baseline model, when there is one), per slice: plain Java, no Beam.
 *
 * <pre>{@code
 * Blessing blessing = ThresholdJudge.judge(config.thresholds(), candidateBySlice, baselineBySlice);
 * if (!blessing.blessed()) blessing.reasons().forEach(System.out::println);
 * }</pre>
 *
 * <p>The rules, as in TFX: a value threshold holds when the candidate's metric is within its
 * bounds; a change threshold when the change against the baseline is within its bound (see {@link
 * ChangeThreshold}); without a baseline change thresholds are skipped, not failed, so a first
 * model can be blessed. A threshold fails when the metric could not be computed for the candidate
 * (e.g. log loss without probabilities, a class absent from the slice's labels) or when no slice
 * matches it (no evaluated row has the values it names). Metrics are given per slice as {@code
 * Metrics.byName()} gives them.
 */
public final class ThresholdJudge {

  private ThresholdJudge() {}

  /**
   * @param candidate the candidate's metrics by slice
   * @param baseline the baseline's metrics by slice, or null when there is no baseline
   */
  public static Blessing judge(
      List<Threshold> thresholds, Map<SliceKey, Map<String, Double>> candidate, Map<SliceKey, Map<String, Double>> baseline) {
    List<ThresholdCheck> checks = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    Map<SliceKey, Map<String, Double>> sorted = new TreeMap<>(candidate);
    for (Threshold threshold : thresholds) {
      boolean changeSkipped = threshold.change() != null && baseline == null;
      if (changeSkipped) {
        skipped.add("change of " + threshold.metric() + " on " + threshold.sliceText() + ": no baseline model");
      }
      List<SliceKey> slices = sorted.keySet().stream().filter(threshold::appliesTo).toList();
      if (slices.isEmpty() && (threshold.hasValueBounds() || !changeSkipped)) {
        checks.add(noSuchSlice(threshold));
      }
      for (SliceKey slice : slices) {
        Double value = sorted.get(slice).get(threshold.metric());
        if (threshold.hasValueBounds()) {
          checks.add(value(threshold, slice, value));
        }
        if (threshold.change() != null && baseline != null) {
          Double before = baseline.getOrDefault(slice, Map.of()).get(threshold.metric());
          if (value != null && before == null) {
            skipped.add("change of " + threshold.metric() + " on " + slice.text() + ": the baseline has no value");
          } else {
            checks.add(change(threshold, slice, value, before));
          }
        }
      }
    }
    return new Blessing(checks.stream().allMatch(ThresholdCheck::passed), checks, skipped);
  }

  private static ThresholdCheck noSuchSlice(Threshold threshold) {
    String kind = threshold.hasValueBounds() ? ThresholdCheck.VALUE : ThresholdCheck.CHANGE;
    String bound = threshold.hasValueBounds() ? valueBound(threshold) : changeBound(threshold);
    return new ThresholdCheck(kind, threshold.metric(), threshold.sliceText(), null, null, bound, false,
        threshold.metric() + " on " + threshold.sliceText() + ": no evaluated row is in this slice, so " + bound
            + " cannot be checked");
  }

  private static ThresholdCheck value(Threshold threshold, SliceKey slice, Double value) {
    String bound = valueBound(threshold);
    String where = threshold.metric() + " on " + slice.text();
    if (value == null) {
      return new ThresholdCheck(ThresholdCheck.VALUE, threshold.metric(), slice.text(), null, null, bound, false,
          where + " could not be computed (no probabilities, or no such class in the slice), so " + bound + " fails");
    }
    boolean passed = (threshold.lowerBound() == null || value >= threshold.lowerBound())
        && (threshold.upperBound() == null || value <= threshold.upperBound());
    String message = where + " is " + Numbers.format(value) + (passed ? " (" + bound + ")" : ", not " + bound);
    return new ThresholdCheck(ThresholdCheck.VALUE, threshold.metric(), slice.text(), value, null, bound, passed, message);
  }

  private static ThresholdCheck change(Threshold threshold, SliceKey slice, Double value, Double before) {
    String bound = changeBound(threshold);
    String where = threshold.metric() + " on " + slice.text();
    if (value == null) {
      return new ThresholdCheck(ThresholdCheck.CHANGE, threshold.metric(), slice.text(), null, before, bound, false,
          where + " could not be computed for the candidate, so " + bound + " fails");
    }
    ChangeThreshold change = threshold.change();
    boolean higher = direction(threshold) == Direction.HIGHER_IS_BETTER;
    double diff = value - before;
    double relative = before == 0 ? (diff == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, diff)) : diff / Math.abs(before);
    boolean passed = holds(diff, change.absolute(), higher) && holds(relative, change.relative(), higher);
    String message = where + ": candidate " + Numbers.format(value) + " vs baseline " + Numbers.format(before)
        + ", change " + Numbers.format(diff) + " (" + Numbers.format(relative * 100) + "%)"
        + (passed ? " (" + bound + ")" : ", not " + bound);
    return new ThresholdCheck(ThresholdCheck.CHANGE, threshold.metric(), slice.text(), value, before, bound, passed, message);
  }

  private static boolean holds(double measured, Double bound, boolean higherIsBetter) {
    return bound == null || (higherIsBetter ? measured >= bound : measured <= bound);
  }

  private static Direction direction(Threshold threshold) {
    Direction given = threshold.change().direction();
    return given != null ? given : Direction.defaultFor(threshold.metric());
  }

  /** {@code >= 0.9}, {@code <= 0.4} or {@code in [0.1, 0.4]}. */
  private static String valueBound(Threshold threshold) {
    if (threshold.lowerBound() != null && threshold.upperBound() != null) {
      return "in [" + Numbers.format(threshold.lowerBound()) + ", " + Numbers.format(threshold.upperBound()) + "]";
    }
    return threshold.lowerBound() != null ? ">= " + Numbers.format(threshold.lowerBound()) : "<= " + Numbers.format(threshold.upperBound());
  }

  /** E.g. {@code change >= -0.01, relative change >= 5% (higher is better)}. */
  private static String changeBound(Threshold threshold) {
    ChangeThreshold change = threshold.change();
    Direction direction = direction(threshold);
    String op = direction == Direction.HIGHER_IS_BETTER ? " >= " : " <= ";
    List<String> parts = new ArrayList<>();
    if (change.absolute() != null) {
      parts.add("change" + op + Numbers.format(change.absolute()));
    }
    if (change.relative() != null) {
      parts.add("relative change" + op + Numbers.format(change.relative() * 100) + "%");
    }
    return String.join(", ", parts) + " (" + direction.words() + ")";
  }
}
