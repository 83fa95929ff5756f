package io.tributary.transforms.statistics;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import java.util.List;

/**
 * Figures of an {@link FeatureType#INT} or {@link FeatureType#FLOAT} feature.
 *
 * <p>NaN and infinite values are counted ({@link #numNaN()}, {@link #numPositiveInfinity()}, {@link
 * #numNegativeInfinity()}) and otherwise left out: min, max, mean, standard deviation, quantiles
 * and histograms describe the <em>finite</em> values. A figure that is undefined (no finite value,
 * or no weight column) is {@code NaN} here and {@code null} in JSON. Integers are read as {@code
 * double}, so magnitudes above 2^53 lose their last digits.
 *
 * <ul>
 *   <li>{@link #mean()} and {@link #stdDev()} (population standard deviation) are exact up to
 *       rounding: Welford's update per value, Chan et al.'s formula to merge partial results, in
 *       units scaled by a power of two so that values near ±1e308 or 1e-308 neither overflow nor
 *       underflow.
 *   <li>{@link #median()}, {@link #quantiles()}, {@link #histogram()} and {@link
 *       #quantileHistogram()} come from a KLL sketch ({@link #quantilesSketch()}, base64) of {@code
 *       k = 200}: a reported quantile's true rank is within ±1.33% of the requested rank, and a
 *       bucket's count within ±1.65% of the finite count, with 99% confidence. Up to about 200
 *       values the sketch keeps every value and these figures are exact.
 *   <li>{@link #histogram()}: equal-width buckets from min to max; {@link #quantileHistogram()}:
 *       buckets between consecutive {@link #quantiles()}, each holding {@code 1/n} of the values.
 * </ul>
 */
@AutoValue
public abstract class NumericStatistics implements Serializable {
  private static final long serialVersionUID = 1L;

  public abstract double min();

  public abstract double max();

  public abstract double mean();

  /** Population standard deviation of the finite values. */
  public abstract double stdDev();

  /** Values equal to zero (either sign). */
  public abstract long numZeros();

  public abstract long numNaN();

  public abstract long numPositiveInfinity();

  public abstract long numNegativeInfinity();

  /** Sum of the weights of the finite values; NaN when unweighted. */
  public abstract double weightedNumFinite();

  /** Weighted mean of the finite values; NaN when unweighted or when no weight is positive. */
  public abstract double weightedMean();

  public abstract double median();

  /** {@code histogramBuckets + 1} values at ranks {@code 0, 1/n, ..., 1}; empty if no finite value. */
  public abstract List<Double> quantiles();

  public abstract List<HistogramBucket> histogram();

  public abstract List<HistogramBucket> quantileHistogram();

  /** The serialized KLL sketch (DataSketches format, base64) that the quantiles come from. */
  public abstract String quantilesSketch();

  public static Builder builder() {
    return new AutoValue_NumericStatistics.Builder();
  }

  /** Builder; every property is required. */
  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setMin(double value);

    public abstract Builder setMax(double value);

    public abstract Builder setMean(double value);

    public abstract Builder setStdDev(double value);

    public abstract Builder setNumZeros(long value);

    public abstract Builder setNumNaN(long value);

    public abstract Builder setNumPositiveInfinity(long value);

    public abstract Builder setNumNegativeInfinity(long value);

    public abstract Builder setWeightedNumFinite(double value);

    public abstract Builder setWeightedMean(double value);

    public abstract Builder setMedian(double value);

    public abstract Builder setQuantiles(List<Double> value);

    public abstract Builder setHistogram(List<HistogramBucket> value);

    public abstract Builder setQuantileHistogram(List<HistogramBucket> value);

    public abstract Builder setQuantilesSketch(String value);

    abstract List<Double> quantiles();

    abstract List<HistogramBucket> histogram();

    abstract List<HistogramBucket> quantileHistogram();

    abstract NumericStatistics autoBuild();

    /** Builds the statistics, taking immutable copies of the lists. */
    public NumericStatistics build() {
      setQuantiles(List.copyOf(quantiles()));
      setHistogram(List.copyOf(histogram()));
      setQuantileHistogram(List.copyOf(quantileHistogram()));
      return autoBuild();
    }
  }
}
