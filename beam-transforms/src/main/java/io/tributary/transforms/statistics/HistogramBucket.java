package io.tributary.transforms.statistics;

import com.google.auto.value.AutoValue;
import java.io.Serializable;

/**
 * One bucket of a numeric histogram: values in {@code [low, high)}, the last bucket of a histogram
 * also holding {@code high}. {@code sampleCount} is a fraction of the feature's finite values
 * estimated from the quantile sketch, so it need not be a whole number.
 */
@AutoValue
public abstract class HistogramBucket implements Serializable {
  private static final long serialVersionUID = 1L;

  public abstract double low();

  public abstract double high();

  public abstract double sampleCount();

  public static HistogramBucket of(double low, double high, double sampleCount) {
    return new AutoValue_HistogramBucket(low, high, sampleCount);
  }
}
