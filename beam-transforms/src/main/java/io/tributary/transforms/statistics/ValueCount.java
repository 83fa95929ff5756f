package io.tributary.transforms.statistics;

import com.google.auto.value.AutoValue;
import java.io.Serializable;

/**
 * A string value and how often it occurs: a row count in {@link StringStatistics#topValues()}, a sum
 * of weights in {@link StringStatistics#weightedTopValues()}.
 */
@AutoValue
public abstract class ValueCount implements Serializable {
  private static final long serialVersionUID = 1L;

  public abstract String value();

  public abstract double count();

  public static ValueCount of(String value, double count) {
    return new AutoValue_ValueCount(value, count);
  }
}
