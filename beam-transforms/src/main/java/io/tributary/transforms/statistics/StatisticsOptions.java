package io.tributary.transforms.statistics;

import com.google.auto.value.AutoValue;
import java.io.Serializable;

/**
 * The numbers that shape the derived figures of a {@link DatasetStatistics}: how many top values,
 * histogram buckets and rank-histogram buckets are reported. They are recorded in the artifact so
 * that a {@link Statistics#merge merge} reproduces figures of the same shape.
 */
@AutoValue
public abstract class StatisticsOptions implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Default number of most frequent string values reported per feature. */
  public static final int DEFAULT_TOP_K = 20;
  /** Default number of buckets of the equal-width and of the quantile histogram. */
  public static final int DEFAULT_HISTOGRAM_BUCKETS = 10;
  /** Default number of ranks in the rank histogram of a string feature. */
  public static final int DEFAULT_RANK_HISTOGRAM_BUCKETS = 100;
  /** Upper limit of every option, which keeps the artifact small. */
  public static final int MAX_BUCKETS = 1000;

  /** Number of most frequent values reported in {@link StringStatistics#topValues()}. */
  public abstract int topK();

  /** Number of buckets of {@link NumericStatistics#histogram()} and of the quantile histogram. */
  public abstract int histogramBuckets();

  /** Number of ranks reported in {@link StringStatistics#rankHistogram()}. */
  public abstract int rankHistogramBuckets();

  /** The defaults: top 20 values, 10 histogram buckets, 100 rank-histogram buckets. */
  public static StatisticsOptions defaults() {
    return of(DEFAULT_TOP_K, DEFAULT_HISTOGRAM_BUCKETS, DEFAULT_RANK_HISTOGRAM_BUCKETS);
  }

  /**
   * Options with the given sizes.
   *
   * @throws IllegalArgumentException if a size is out of range; the message names the setter
   */
  public static StatisticsOptions of(int topK, int histogramBuckets, int rankHistogramBuckets) {
    check(topK, 1, "withTopK(k): k");
    check(histogramBuckets, 1, "withHistogramBuckets(n): n");
    check(rankHistogramBuckets, 0, "withRankHistogramBuckets(n): n");
    return new AutoValue_StatisticsOptions(topK, histogramBuckets, rankHistogramBuckets);
  }

  private static void check(int value, int min, String what) {
    if (value < min || value > MAX_BUCKETS) {
      throw new IllegalArgumentException(
          what + " is " + value + "; pass a number from " + min + " to " + MAX_BUCKETS);
    }
  }
}
