package io.tributary.transforms.statistics;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import java.util.List;
import java.util.NoSuchElementException;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Statistics of one slice of a dataset: either the whole dataset ({@link #isOverall()}, column and
 * value {@code null}) or the rows whose slice {@link #column()} has the given {@link #value()} (its
 * text form; {@code null} for the rows where the column is missing).
 */
@AutoValue
public abstract class SliceStatistics implements Serializable {
  private static final long serialVersionUID = 1L;

  public abstract @Nullable String column();

  public abstract @Nullable String value();

  public abstract long rowCount();

  /** Sum of the rows' weights; NaN when unweighted. */
  public abstract double weightedRowCount();

  /** One entry per column of the input schema, in schema order. */
  public abstract List<FeatureStatistics> features();

  public boolean isOverall() {
    return column() == null;
  }

  /**
   * The statistics of the named feature.
   *
   * @throws NoSuchElementException if there is no such feature
   */
  public FeatureStatistics feature(String name) {
    for (FeatureStatistics feature : features()) {
      if (feature.name().equals(name)) {
        return feature;
      }
    }
    throw new NoSuchElementException("no feature named " + name + " in these statistics");
  }

  public static SliceStatistics of(
      @Nullable String column,
      @Nullable String value,
      long rowCount,
      double weightedRowCount,
      List<FeatureStatistics> features) {
    if (column == null && value != null) {
      throw new IllegalArgumentException("the overall slice has no value; pass a column too");
    }
    return new AutoValue_SliceStatistics(
        column, value, rowCount, weightedRowCount, List.copyOf(features));
  }
}
