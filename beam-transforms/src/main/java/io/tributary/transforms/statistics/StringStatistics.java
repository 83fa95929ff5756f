package io.tributary.transforms.statistics;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Figures of a {@link FeatureType#STRING} feature.
 *
 * <p><b>Top values and the exact/sketch switch-over.</b> Values are counted in a DataSketches
 * frequent-items sketch with a map of {@value Sketches#FREQUENT_ITEMS_MAP_SIZE} slots. While a
 * feature has fewer than {@value Sketches#FREQUENT_ITEMS_EXACT_LIMIT} distinct values (3/4 of the
 * map) the sketch holds every value with its exact count: {@link #maxFrequencyError()} is 0 and
 * {@link #topValues()}, {@link #rankHistogram()} and {@link #distinctCount()} are exact. Past that
 * the sketch purges rare values and each reported count may be off by at most {@link
 * #maxFrequencyError()}, which is itself at most {@code 3.5 / 4096} of the present values (0.085%):
 * any value more frequent than that is guaranteed to be tracked. The switch happens on its own,
 * per feature and per slice.
 *
 * <p><b>Distinct values.</b> Exact while the frequent-items sketch is exact; past that, the estimate
 * of an HLL sketch ({@code lgK = 12}, {@link #distinctSketch()}) whose relative standard error is
 * 1.3% (within ±2.6% with 95% confidence).
 *
 * <p><b>Lengths</b> count Unicode code points, not bytes or UTF-16 units. Undefined figures (no
 * present value) are NaN for {@link #avgLength()} and 0 for the minimum and maximum.
 *
 * <p><b>Weighted top values</b> (with a weight column) come from a second frequent-items sketch fed
 * with each row's weight in millionths ({@value Sketches#WEIGHT_SCALE} units per 1.0), so each
 * weight is rounded to 1e-6 and the total weight must stay below 9.2e12; non-positive weights are
 * left out.
 */
@AutoValue
public abstract class StringStatistics implements Serializable {
  private static final long serialVersionUID = 1L;

  public abstract long distinctCount();

  /** The {@code topK} most frequent values, most frequent first, ties by value. */
  public abstract List<ValueCount> topValues();

  /** The {@code topK} values with the largest sums of weights; empty when unweighted. */
  public abstract List<ValueCount> weightedTopValues();

  /** The {@code rankHistogramBuckets} most frequent values, one rank per bucket. */
  public abstract List<RankBucket> rankHistogram();

  public abstract double avgLength();

  public abstract long minLength();

  public abstract long maxLength();

  /** Sum of the lengths of the present values: the state behind {@link #avgLength()}. */
  public abstract long totalLength();

  /** Upper bound of the error of every reported count; 0 when the counts are exact. */
  public abstract long maxFrequencyError();

  /** The serialized frequent-items sketch of the values (DataSketches format, base64). */
  public abstract String frequentItemsSketch();

  /** The serialized weighted frequent-items sketch; {@code null} when unweighted. */
  public abstract @Nullable String weightedFrequentItemsSketch();

  /** The serialized HLL sketch of the values (DataSketches format, base64). */
  public abstract String distinctSketch();

  /** Whether the counts and the distinct count are exact. */
  public boolean isExact() {
    return maxFrequencyError() == 0;
  }

  public static Builder builder() {
    return new AutoValue_StringStatistics.Builder();
  }

  /** Builder; every property except the weighted sketch is required. */
  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setDistinctCount(long value);

    public abstract Builder setTopValues(List<ValueCount> value);

    public abstract Builder setWeightedTopValues(List<ValueCount> value);

    public abstract Builder setRankHistogram(List<RankBucket> value);

    public abstract Builder setAvgLength(double value);

    public abstract Builder setMinLength(long value);

    public abstract Builder setMaxLength(long value);

    public abstract Builder setTotalLength(long value);

    public abstract Builder setMaxFrequencyError(long value);

    public abstract Builder setFrequentItemsSketch(String value);

    public abstract Builder setWeightedFrequentItemsSketch(@Nullable String value);

    public abstract Builder setDistinctSketch(String value);

    abstract List<ValueCount> topValues();

    abstract List<ValueCount> weightedTopValues();

    abstract List<RankBucket> rankHistogram();

    abstract StringStatistics autoBuild();

    /** Builds the statistics, taking immutable copies of the lists. */
    public StringStatistics build() {
      setTopValues(List.copyOf(topValues()));
      setWeightedTopValues(List.copyOf(weightedTopValues()));
      setRankHistogram(List.copyOf(rankHistogram()));
      return autoBuild();
    }
  }
}
