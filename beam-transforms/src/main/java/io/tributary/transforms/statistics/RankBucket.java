package io.tributary.transforms.statistics;

import com.google.auto.value.AutoValue;
import java.io.Serializable;

/**
 * One bucket of a string feature's rank histogram: the values ranked {@code lowRank} to {@code
 * highRank} by frequency (0 is the most frequent), labelled by the value at {@code lowRank}. This
 * version writes one rank per bucket, so {@code lowRank == highRank}.
 */
@AutoValue
public abstract class RankBucket implements Serializable {
  private static final long serialVersionUID = 1L;

  public abstract long lowRank();

  public abstract long highRank();

  public abstract String label();

  public abstract double sampleCount();

  public static RankBucket of(long lowRank, long highRank, String label, double sampleCount) {
    return new AutoValue_RankBucket(lowRank, highRank, label, sampleCount);
  }
}
