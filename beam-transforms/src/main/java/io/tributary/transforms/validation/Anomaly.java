package io.tributary.transforms.validation;

import com.google.auto.value.AutoValue;
import io.tributary.transforms.schema.ComparatorMetric;
import io.tributary.transforms.statistics.ValueCount;
import java.io.Serializable;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One problem found in the statistics of a split: which feature, what kind, how bad, what was
 * measured against which threshold, and a few example values.
 *
 * <pre>{@code
 * for (Anomaly a : anomalies.anomalies()) {
 *   System.out.println(a.severity() + " " + a.feature() + ": " + a.description());
 * }
 * }</pre>
 *
 * <p>{@link #measured()} and {@link #threshold()} are NaN where the kind has no number (a type
 * mismatch has no threshold). {@link #examples()} holds offending values with their counts (NaN
 * when unknown): unexpected strings, the extreme values beyond a range, non-numeric text.
 */
@AutoValue
public abstract class Anomaly implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The feature; {@code null} for an anomaly of the whole split (empty, example count). */
  public abstract @Nullable String feature();

  public abstract AnomalyType type();

  public abstract Severity severity();

  /** A few words, e.g. "Unexpected string values". */
  public abstract String shortDescription();

  /** One or two sentences in plain words, with the figures. */
  public abstract String description();

  /**
   * How to accept or fix it, naming the schema field to edit, e.g. "If these values are valid,
   * widen the range of 'temp_max' in the schema (max 70 or more) ..."; empty when not known (files
   * of format version 1).
   */
  public abstract String remedy();

  public abstract double measured();

  public abstract double threshold();

  public abstract List<ValueCount> examples();

  /** The distance of a {@link AnomalyType#SKEW} or {@link AnomalyType#DRIFT} anomaly, else null. */
  public abstract @Nullable ComparatorMetric metric();

  /** The same anomaly with another severity. */
  public Anomaly withSeverity(Severity severity) {
    return toBuilder().setSeverity(severity).build();
  }

  public abstract Builder toBuilder();

  /** A builder with the type's default severity, no remedy, no numbers, no examples and no metric. */
  public static Builder builder(AnomalyType type, @Nullable String feature) {
    return new AutoValue_Anomaly.Builder()
        .setType(type)
        .setFeature(feature)
        .setSeverity(type.defaultSeverity())
        .setRemedy("")
        .setMeasured(Double.NaN)
        .setThreshold(Double.NaN)
        .setExamples(List.of())
        .setMetric(null);
  }

  /** Builder; the descriptions are required. */
  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setFeature(@Nullable String feature);

    public abstract Builder setType(AnomalyType type);

    public abstract Builder setSeverity(Severity severity);

    public abstract Builder setShortDescription(String text);

    public abstract Builder setDescription(String text);

    public abstract Builder setRemedy(String text);

    public abstract Builder setMeasured(double measured);

    public abstract Builder setThreshold(double threshold);

    /** Sets both numbers. */
    public Builder setMeasured(double measured, double threshold) {
      return setMeasured(measured).setThreshold(threshold);
    }

    public abstract Builder setExamples(List<ValueCount> examples);

    public abstract Builder setMetric(@Nullable ComparatorMetric metric);

    abstract List<ValueCount> examples();

    abstract Anomaly autoBuild();

    public Anomaly build() {
      setExamples(List.copyOf(examples()));
      return autoBuild();
    }
  }
}
