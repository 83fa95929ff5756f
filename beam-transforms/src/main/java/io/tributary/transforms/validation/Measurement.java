package io.tributary.transforms.validation;

import com.google.auto.value.AutoValue;

/**
 * What a {@link FeatureDistance} measured: the distance, its default threshold for these sample
 * sizes (NaN: reported only, not checked unless the schema sets a threshold), and the sizes and
 * number of bins it was computed from.
 */
@AutoValue
public abstract class Measurement {
  public abstract double value();

  public abstract double defaultThreshold();

  public abstract long baselineCount();

  public abstract long currentCount();

  public abstract int bins();

  public static Measurement of(double value, double defaultThreshold, long baselineCount, long currentCount, int bins) {
    return new AutoValue_Measurement(value, defaultThreshold, baselineCount, currentCount, bins);
  }
}
