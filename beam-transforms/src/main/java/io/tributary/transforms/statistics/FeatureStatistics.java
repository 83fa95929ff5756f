package io.tributary.transforms.statistics;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Statistics of one column: presence counts for every type, plus the figures of its {@link
 * FeatureType}: {@link #numeric()} for INT and FLOAT, {@link #string()} for STRING, {@link
 * #bool()} for BOOLEAN (the others are {@code null}).
 *
 * <p>A value is <em>missing</em> when the field is {@code null}; NaN is present (and counted by
 * {@link NumericStatistics#numNaN()}).
 */
@AutoValue
public abstract class FeatureStatistics implements Serializable {
  private static final long serialVersionUID = 1L;

  public abstract String name();

  public abstract FeatureType type();

  public abstract long numNonMissing();

  public abstract long numMissing();

  /** Sum of the weights of the rows where the value is present; NaN when unweighted. */
  public abstract double weightedNumNonMissing();

  public abstract @Nullable NumericStatistics numeric();

  public abstract @Nullable StringStatistics string();

  public abstract @Nullable BooleanStatistics bool();

  /** Number of rows: present plus missing. */
  public long count() {
    return numNonMissing() + numMissing();
  }

  public static Builder builder() {
    return new AutoValue_FeatureStatistics.Builder();
  }

  /** The same figures under another name, e.g. the column's original name for a report. */
  public FeatureStatistics withName(String newName) {
    return builder()
        .setName(newName)
        .setType(type())
        .setNumNonMissing(numNonMissing())
        .setNumMissing(numMissing())
        .setWeightedNumNonMissing(weightedNumNonMissing())
        .setNumeric(numeric())
        .setString(string())
        .setBool(bool())
        .build();
  }

  /** Builder; set the figures that match the type. */
  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setName(String value);

    public abstract Builder setType(FeatureType value);

    public abstract Builder setNumNonMissing(long value);

    public abstract Builder setNumMissing(long value);

    public abstract Builder setWeightedNumNonMissing(double value);

    public abstract Builder setNumeric(@Nullable NumericStatistics value);

    public abstract Builder setString(@Nullable StringStatistics value);

    public abstract Builder setBool(@Nullable BooleanStatistics value);

    abstract FeatureStatistics autoBuild();

    /**
     * Builds the statistics.
     *
     * @throws IllegalStateException if the figures present do not match the type
     */
    public FeatureStatistics build() {
      FeatureStatistics built = autoBuild();
      FeatureType type = built.type();
      boolean matches =
          (built.numeric() != null) == type.isNumeric()
              && (built.string() != null) == (type == FeatureType.STRING)
              && (built.bool() != null) == (type == FeatureType.BOOLEAN);
      if (!matches) {
        throw new IllegalStateException(
            "feature " + built.name() + " of type " + type + " needs exactly the figures of its type");
      }
      return built;
    }
  }
}
