package io.tributary.transforms.statistics;

import com.google.auto.value.AutoValue;
import java.io.Serializable;

/** Figures of a {@link FeatureType#BOOLEAN} feature: how many present values are true and false. */
@AutoValue
public abstract class BooleanStatistics implements Serializable {
  private static final long serialVersionUID = 1L;

  public abstract long numTrue();

  public abstract long numFalse();

  public static BooleanStatistics of(long numTrue, long numFalse) {
    return new AutoValue_BooleanStatistics(numTrue, numFalse);
  }
}
