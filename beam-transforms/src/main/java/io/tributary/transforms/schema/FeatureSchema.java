package io.tributary.transforms.schema;

import com.google.auto.value.AutoValue;
import io.tributary.transforms.statistics.FeatureType;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What one feature must look like: its type, how often it must be present, its allowed values
 * (strings) or range (numbers), whether NaN is allowed, the environments it is absent from, and the
 * thresholds of skew and drift detection.
 *
 * <pre>{@code
 * FeatureSchema island = FeatureSchema.builder("island", FeatureType.STRING)
 *     .setMinFraction(1.0)                                // required
 *     .setDomain(List.of("Biscoe", "Dream", "Torgersen"))
 *     .build();
 * FeatureSchema mass = FeatureSchema.builder("body_mass_g", FeatureType.INT)
 *     .setMinFraction(0.99).setRange(2340, 6660).build();
 * FeatureSchema label = island.toBuilder().setName("species").setNotInEnvironments(List.of("SERVING")).build();
 * }</pre>
 *
 * <p>A feature is <em>required</em> when {@link #minFraction()} is 1. Values outside the domain or
 * range are an ERROR only when their share passes {@code 1 - minDomainMass} ({@code 1 -
 * minRangeMass}), else a WARNING; both masses default to 1, so by default any such value is an
 * ERROR. An unbounded side of the range is infinite. Empty threshold maps mean the documented
 * defaults (see {@code anomalies-format.md}).
 */
@AutoValue
public abstract class FeatureSchema implements Serializable {
  private static final long serialVersionUID = 1L;

  public abstract String name();

  public abstract FeatureType type();

  /** The smallest share of rows in which the value must be present, 0 to 1. */
  public abstract double minFraction();

  /** The allowed values of a STRING feature; {@code null}: any value. */
  public abstract @Nullable List<String> domain();

  /**
   * The smallest share of a STRING feature's values that must lie in its {@link #domain()} (TFDV's
   * {@code distribution_constraints.min_domain_mass}): values outside it are an ERROR when their
   * share is above {@code 1 - minDomainMass}, else a WARNING. 1 (the default): any is an ERROR.
   */
  public abstract double minDomainMass();

  /** The smallest allowed value of a numeric feature; {@code -Infinity}: unbounded. */
  public abstract double min();

  /** The largest allowed value of a numeric feature; {@code +Infinity}: unbounded. */
  public abstract double max();

  /**
   * The smallest share of a numeric feature's values that must lie in its range: values outside
   * are an ERROR when their share is above {@code 1 - minRangeMass}, else a WARNING. 1 (the
   * default): any is an ERROR.
   */
  public abstract double minRangeMass();

  /** Whether a numeric feature may hold NaN. */
  public abstract boolean nanAllowed();

  /** Environments (e.g. {@code SERVING}) in which the feature is absent and not checked. */
  public abstract List<String> notInEnvironments();

  /** Thresholds of training/serving skew detection; metrics not listed use the defaults. */
  public abstract Map<ComparatorMetric, Double> skewThresholds();

  /** Thresholds of drift detection between spans; metrics not listed use the defaults. */
  public abstract Map<ComparatorMetric, Double> driftThresholds();

  /** Whether every row must hold a value. */
  public boolean isRequired() {
    return minFraction() >= 1.0;
  }

  /** Whether a numeric range is set. */
  public boolean hasRange() {
    return min() != Double.NEGATIVE_INFINITY || max() != Double.POSITIVE_INFINITY;
  }

  /** Whether the feature is expected in {@code environment} ({@code null}: no environment). */
  public boolean isIn(@Nullable String environment) {
    return environment == null || !notInEnvironments().contains(environment);
  }

  public abstract Builder toBuilder();

  /**
   * A builder with the defaults: optional (min fraction 0), no domain, no range, masses 1, NaN not allowed,
   * in every environment, default thresholds.
   */
  public static Builder builder(String name, FeatureType type) {
    return new AutoValue_FeatureSchema.Builder()
        .setName(name)
        .setType(type)
        .setMinFraction(0.0)
        .setDomain(null)
        .setMinDomainMass(1.0)
        .setMinRangeMass(1.0)
        .setMin(Double.NEGATIVE_INFINITY)
        .setMax(Double.POSITIVE_INFINITY)
        .setNanAllowed(false)
        .setNotInEnvironments(List.of())
        .setSkewThresholds(Map.of())
        .setDriftThresholds(Map.of());
  }

  /** Builder; {@link #build()} checks that the settings fit together. */
  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setName(String name);

    public abstract Builder setType(FeatureType type);

    public abstract Builder setMinFraction(double minFraction);

    public abstract Builder setDomain(@Nullable List<String> domain);

    public abstract Builder setMinDomainMass(double mass);

    public abstract Builder setMinRangeMass(double mass);

    public abstract Builder setMin(double min);

    public abstract Builder setMax(double max);

    /** Sets both ends of the numeric range. */
    public Builder setRange(double min, double max) {
      return setMin(min).setMax(max);
    }

    public abstract Builder setNanAllowed(boolean nanAllowed);

    public abstract Builder setNotInEnvironments(List<String> environments);

    public abstract Builder setSkewThresholds(Map<ComparatorMetric, Double> thresholds);

    public abstract Builder setDriftThresholds(Map<ComparatorMetric, Double> thresholds);

    abstract FeatureSchema autoBuild();

    /**
     * Builds the feature schema.
     *
     * @throws IllegalArgumentException naming the setting to fix
     */
    public FeatureSchema build() {
      FeatureSchema f = autoBuild();
      String where = "feature '" + f.name() + "': ";
      if (f.name().isEmpty()) {
        throw new IllegalArgumentException("a feature needs a non-empty name");
      }
      if (!(f.minFraction() >= 0.0 && f.minFraction() <= 1.0)) {
        throw new IllegalArgumentException(where + "minFraction must be between 0 and 1, not " + f.minFraction());
      }
      if (f.domain() != null) {
        if (f.type() != FeatureType.STRING) {
          throw new IllegalArgumentException(where + "a domain needs type STRING, not " + f.type() + "; remove the domain");
        }
        if (new HashSet<>(f.domain()).size() != f.domain().size()) {
          throw new IllegalArgumentException(where + "the domain lists a value twice; list each value once");
        }
        setDomain(List.copyOf(f.domain()));
      }
      if (!(f.minDomainMass() >= 0.0 && f.minDomainMass() <= 1.0)) {
        throw new IllegalArgumentException(where + "minDomainMass must be between 0 and 1, not " + f.minDomainMass());
      }
      if (f.minDomainMass() < 1.0 && f.type() != FeatureType.STRING) {
        throw new IllegalArgumentException(where + "minDomainMass needs type STRING, not " + f.type() + "; remove it");
      }
      if (!(f.minRangeMass() >= 0.0 && f.minRangeMass() <= 1.0)) {
        throw new IllegalArgumentException(where + "minRangeMass must be between 0 and 1, not " + f.minRangeMass());
      }
      if (f.minRangeMass() < 1.0 && !f.type().isNumeric()) {
        throw new IllegalArgumentException(where + "minRangeMass needs type INT or FLOAT, not " + f.type() + "; remove it");
      }
      if (f.hasRange() && !f.type().isNumeric()) {
        throw new IllegalArgumentException(where + "a range needs type INT or FLOAT, not " + f.type() + "; remove the range");
      }
      if (Double.isNaN(f.min()) || Double.isNaN(f.max()) || f.min() > f.max()) {
        throw new IllegalArgumentException(where + "the range [" + f.min() + ", " + f.max() + "] is empty; make min <= max");
      }
      setNotInEnvironments(List.copyOf(f.notInEnvironments()));
      setSkewThresholds(checked(where + "skew", f.skewThresholds()));
      setDriftThresholds(checked(where + "drift", f.driftThresholds()));
      return autoBuild();
    }

    private static Map<ComparatorMetric, Double> checked(String where, Map<ComparatorMetric, Double> thresholds) {
      thresholds.forEach(
          (metric, value) -> {
            if (value == null || !(value >= 0.0)) {
              throw new IllegalArgumentException(
                  where + " threshold of " + metric.jsonName() + " must be a number >= 0, not " + value);
            }
          });
      return thresholds.isEmpty() ? Map.of() : new EnumMap<>(thresholds);
    }
  }
}
