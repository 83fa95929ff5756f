package io.tributary.transforms.validation;

import com.google.auto.value.AutoValue;
import io.tributary.transforms.schema.ComparatorMetric;
import java.io.Serializable;

/**
 * One measured distance between the baseline's and the current distribution of a feature, reported
 * for every compared feature and metric whether or not it is above its threshold.
 *
 * <p>{@link #threshold()} is the schema's threshold for the metric, or else its sample-size-aware
 * default (see {@code anomalies-format.md}); NaN when the metric is only reported, not checked.
 * {@link #baselineCount()} and {@link #currentCount()} are the values compared on each side and
 * {@link #bins()} the number of categories or bins, from which the default was derived.
 */
@AutoValue
public abstract class DistanceResult implements Serializable {
  private static final long serialVersionUID = 1L;

  public abstract String feature();

  public abstract Comparison comparison();

  public abstract ComparatorMetric metric();

  public abstract double value();

  public abstract double threshold();

  /** Whether the threshold came from the schema rather than the default. */
  public abstract boolean thresholdFromSchema();

  public abstract long baselineCount();

  public abstract long currentCount();

  public abstract int bins();

  /** Whether the value is above a threshold. */
  public boolean exceeded() {
    return value() > threshold();
  }

  public static DistanceResult of(
      String feature,
      Comparison comparison,
      ComparatorMetric metric,
      double value,
      double threshold,
      boolean thresholdFromSchema,
      long baselineCount,
      long currentCount,
      int bins) {
    return new AutoValue_DistanceResult(
        feature, comparison, metric, value, threshold, thresholdFromSchema, baselineCount, currentCount, bins);
  }
}
