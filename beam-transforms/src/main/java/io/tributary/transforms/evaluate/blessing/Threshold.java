package io.tributary.transforms.evaluate.blessing;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.tributary.transforms.evaluate.SliceKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A condition a candidate model must meet to be blessed: bounds on one metric's value, and/or a
 * bound on its change against the baseline model, on the overall slice or on chosen slices.
 *
 * <pre>{@code
 * Threshold.atLeast("accuracy", 0.9)                                   // overall accuracy >= 0.9
 * Threshold.atMost("logLoss", 0.4).onSlice(Map.of("island", "*"))     // on every island's slice
 * Threshold.change("macroF1", ChangeThreshold.absolute(Direction.HIGHER_IS_BETTER, -0.01))
 * }</pre>
 *
 * <p>In a config file:
 *
 * <pre>
 * - {metric: accuracy, lowerBound: 0.9}
 * - {metric: "recall[Chinstrap]", lowerBound: 0.8, slice: {island: Dream}}
 * - {metric: accuracy, change: {direction: higher_is_better, absolute: -0.01}}
 * </pre>
 *
 * @param metric a metric name as {@code Metrics.byName()} writes it: {@code accuracy}, {@code
 *     macroF1}, {@code logLoss}, {@code rocAuc}, {@code f1[Adelie]}, {@code rmse}, {@code examples} ...
 * @param slice column to value of the slice it applies to; empty (the default) is the overall
 *     slice; the value {@value #EVERY_VALUE} means every value of that column
 * @param lowerBound the value must be at least this (inclusive), or null
 * @param upperBound the value must be at most this (inclusive), or null
 * @param change the bound on the change against the baseline, or null; skipped without a baseline
 */
@JsonPropertyOrder({"metric", "slice", "lowerBound", "upperBound", "change"})
public record Threshold(
    String metric, Map<String, String> slice, Double lowerBound, Double upperBound, ChangeThreshold change) {

  /** The slice value that matches every value of its column. */
  public static final String EVERY_VALUE = "*";

  public Threshold {
    if (metric == null || metric.isBlank()) {
      throw new IllegalArgumentException("a threshold needs 'metric': name the metric, e.g. accuracy");
    }
    MetricNames.check(metric, null);
    slice = slice == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(slice));
    if (slice.size() > 2) {
      throw new IllegalArgumentException("threshold on " + metric + ": 'slice' names " + slice.size()
          + " columns; a slice is one column or a cross of two");
    }
    ChangeThreshold.requireFinite(lowerBound, "lowerBound");
    ChangeThreshold.requireFinite(upperBound, "upperBound");
    if (lowerBound == null && upperBound == null && change == null) {
      throw new IllegalArgumentException(
          "threshold on " + metric + " sets nothing: give lowerBound, upperBound or change");
    }
    if (lowerBound != null && upperBound != null && lowerBound > upperBound) {
      throw new IllegalArgumentException(
          "threshold on " + metric + ": lowerBound " + lowerBound + " is above upperBound " + upperBound);
    }
  }

  public static Threshold atLeast(String metric, double lowerBound) {
    return new Threshold(metric, null, lowerBound, null, null);
  }

  public static Threshold atMost(String metric, double upperBound) {
    return new Threshold(metric, null, null, upperBound, null);
  }

  public static Threshold change(String metric, ChangeThreshold change) {
    return new Threshold(metric, null, null, null, change);
  }

  /** This threshold on the slice(s) {@code columnToValue} names ({@value #EVERY_VALUE}: every value). */
  public Threshold onSlice(Map<String, String> columnToValue) {
    return new Threshold(metric, columnToValue, lowerBound, upperBound, change);
  }

  /** Adds the bound on the change against the baseline. */
  public Threshold withChange(ChangeThreshold value) {
    return new Threshold(metric, slice, lowerBound, upperBound, value);
  }

  public boolean hasValueBounds() {
    return lowerBound != null || upperBound != null;
  }

  /** The slice's columns, sorted: the same set as a {@code Slice}'s columns when it is one of the config's. */
  List<String> sliceColumns() {
    List<String> columns = new ArrayList<>(slice.keySet());
    Collections.sort(columns);
    return columns;
  }

  /** Whether {@code key} is a slice this threshold applies to. */
  boolean appliesTo(SliceKey key) {
    if (key.columns().size() != slice.size()) {
      return false;
    }
    for (int i = 0; i < key.columns().size(); i++) {
      String wanted = slice.get(key.columns().get(i));
      if (wanted == null || !(wanted.equals(EVERY_VALUE) || wanted.equals(key.values().get(i)))) {
        return false;
      }
    }
    return true;
  }

  /** {@code Overall}, {@code island=Biscoe} or {@code island=*}, for messages. */
  String sliceText() {
    if (slice.isEmpty()) {
      return SliceKey.OVERALL_TEXT;
    }
    return SliceKey.of(slice).text();
  }

  /** Whether the slice names exact values only, so exactly one slice must exist. */
  boolean isExactSlice() {
    return !slice.containsValue(EVERY_VALUE);
  }
}
