package io.tributary.transforms.transform;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.io.Serializable;
import java.util.Arrays;

/**
 * One operation in a feature's chain, written in JSON/YAML as an object with an {@code "op"}.
 *
 * <pre>{@code
 * Step.imputeMean()                                   // {"op":"impute","strategy":"mean"}
 * Step.zScore()                                       // {"op":"zScore"}
 * Step.vocabulary().withTopK(100).withOovBuckets(2)   // {"op":"vocabulary","topK":100,...}
 * Step.quantileBuckets(4)                             // {"op":"bucketize","quantiles":4}
 * }</pre>
 *
 * <p>Each step checks the kind of value it receives ({@link ValueKind}) when the spec is checked
 * against the input schema, so a type mismatch fails before any data is read. Fitted steps
 * ({@code impute} mean/median/mostFrequent, {@code zScore}, {@code scaleTo01}, quantile {@code
 * bucketize}, {@code vocabulary}) name an {@link AnalyzerFn}; the analyzer sees the observed
 * (non-missing) values produced by the steps before it, all features in one scan.
 *
 * <p>Missing values stay missing through every step except {@code impute} (fills them), {@code
 * missingIndicator} (1) and {@code oneHot} (all zeros).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "op")
@JsonSubTypes({
  @JsonSubTypes.Type(Impute.class),
  @JsonSubTypes.Type(ZScore.class),
  @JsonSubTypes.Type(ScaleTo01.class),
  @JsonSubTypes.Type(Log1p.class),
  @JsonSubTypes.Type(Clip.class),
  @JsonSubTypes.Type(Bucketize.class),
  @JsonSubTypes.Type(Vocabulary.class),
  @JsonSubTypes.Type(OneHot.class),
  @JsonSubTypes.Type(HashBuckets.class),
  @JsonSubTypes.Type(Cross.class),
  @JsonSubTypes.Type(MissingIndicator.class)
})
public sealed interface Step extends Serializable
    permits Impute, ZScore, ScaleTo01, Log1p, Clip, Bucketize, Vocabulary, OneHot, HashBuckets, Cross,
        MissingIndicator {

  /** Replaces a missing number by the mean of the observed values. */
  static Impute imputeMean() {
    return new Impute(Impute.Strategy.MEAN, null);
  }

  /** Replaces a missing number by the (approximate, see {@link QuantilesFn}) median. */
  static Impute imputeMedian() {
    return new Impute(Impute.Strategy.MEDIAN, null);
  }

  /** Replaces a missing value by the most frequent observed one (ties: smallest text). */
  static Impute imputeMostFrequent() {
    return new Impute(Impute.Strategy.MOST_FREQUENT, null);
  }

  static Impute imputeConstant(double value) {
    return new Impute(Impute.Strategy.CONSTANT, value);
  }

  static Impute imputeConstant(long value) {
    return new Impute(Impute.Strategy.CONSTANT, value);
  }

  static Impute imputeConstant(String value) {
    return new Impute(Impute.Strategy.CONSTANT, value);
  }

  /** {@code (x - mean) / stdDev}; {@code x - mean} when the fitted variance is 0. */
  static ZScore zScore() {
    return new ZScore();
  }

  /** {@code (x - min) / (max - min)} with the fitted min and max. */
  static ScaleTo01 scaleTo01() {
    return new ScaleTo01();
  }

  /** {@code sign(x) * log(1 + |x|)}: {@code log1p} for non-negative values, defined everywhere. */
  static Log1p log1p() {
    return new Log1p();
  }

  /** Clamps numbers into {@code [min, max]}; either bound may be null for none. */
  static Clip clip(Double min, Double max) {
    return new Clip(min, max);
  }

  /** Bucket index by fixed, strictly increasing boundaries. */
  static Bucketize bucketize(double... boundaries) {
    return new Bucketize(Arrays.stream(boundaries).boxed().toList(), null);
  }

  /** Bucket index by {@code buckets} equal-frequency buckets fitted on the data. */
  static Bucketize quantileBuckets(int buckets) {
    return new Bucketize(null, buckets);
  }

  /** Index in a vocabulary fitted on the data; options via {@code withTopK} and friends. */
  static Vocabulary vocabulary() {
    return new Vocabulary(null, null, null);
  }

  /** A one-hot vector of the index produced by the previous step. */
  static OneHot oneHot() {
    return new OneHot();
  }

  /** A stable hash of the category into {@code buckets} buckets. */
  static HashBuckets hash(int buckets) {
    return new HashBuckets(buckets, null);
  }

  /** Joins the categories of a feature's inputs into one, e.g. {@code Adelie_X_Biscoe}. */
  static Cross cross() {
    return new Cross();
  }

  /** 1 when the input is missing, else 0. */
  static MissingIndicator missingIndicator() {
    return new MissingIndicator();
  }

  /**
   * The kind this step produces from {@code input}; throws {@link IllegalArgumentException} saying
   * what the step needs when it cannot take {@code input}.
   */
  ValueKind outputKind(ValueKind input);

  /** Whether this step receives missing values (otherwise they pass it untouched). */
  default boolean handlesMissing() {
    return false;
  }

  /** The analyzer this step is fitted with, or null for a step that fits nothing. */
  default AnalyzerFn<?, ?, ?> analyzer(ValueKind input) {
    return null;
  }

  /**
   * The constants of this step, from its analyzer's result ({@code null} without analyzer) and
   * the constants of the step before it ({@link Constants#NONE} for the first step).
   */
  default Constants fit(ValueKind input, Object analyzed, Constants previous) {
    return Constants.NONE;
  }

  /** This step bound to its constants. */
  Mapper bind(Constants constants);
}
