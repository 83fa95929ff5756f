package io.tributary.transforms.statistics;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The statistics of one split of a dataset, as produced by {@link Statistics#generate()}: the
 * figures of the whole split ({@link #overall()}) and, when slicing, of each slice ({@link
 * #slices()}). Written to and read from {@code statistics.json} by {@link StatisticsJson}; two of
 * them merge without rescanning the data through {@link Statistics#merge}.
 *
 * <pre>{@code
 * DatasetStatistics stats = StatisticsJson.read(Path.of(".../Split-train/statistics.json"));
 * long rows = stats.rowCount();
 * double meanMass = stats.feature("body_mass_g").numeric().mean();
 * }</pre>
 */
@AutoValue
public abstract class DatasetStatistics implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The version of the JSON format written by {@link StatisticsJson}. */
  public static final int FORMAT_VERSION = 1;

  /** The dataset's name; empty if not set. */
  public abstract String name();

  /** The split's name ({@code train}, {@code eval}, ...); empty if not set. */
  public abstract String split();

  /** The weight column; {@code null} when unweighted. */
  public abstract @Nullable String weightColumn();

  public abstract StatisticsOptions options();

  /** Statistics of all rows. */
  public abstract SliceStatistics overall();

  /** Statistics per slice, by slice column (in configuration order) then value; overall excluded. */
  public abstract List<SliceStatistics> slices();

  /** Number of rows of the split. */
  public long rowCount() {
    return overall().rowCount();
  }

  /** The overall statistics of the named feature; see {@link SliceStatistics#feature}. */
  public FeatureStatistics feature(String name) {
    return overall().feature(name);
  }

  /**
   * The slice of rows whose {@code column} has {@code value} ({@code null}: missing).
   *
   * @throws NoSuchElementException if no row had that value
   */
  public SliceStatistics slice(String column, @Nullable String value) {
    for (SliceStatistics slice : slices()) {
      if (column.equals(slice.column()) && Objects.equals(value, slice.value())) {
        return slice;
      }
    }
    throw new NoSuchElementException("no slice " + column + "=" + value + " in these statistics");
  }

  /** The same statistics under another dataset name and split. */
  public DatasetStatistics withNameAndSplit(String name, String split) {
    return of(name, split, weightColumn(), options(), overall(), slices());
  }

  /**
   * The same statistics with each feature (and slice column) named by {@code rename}: for a report
   * that shows the columns' original names ({@code ColumnNames::original}).
   */
  public DatasetStatistics withFeatureNames(UnaryOperator<String> rename) {
    List<SliceStatistics> renamed = new ArrayList<>();
    slices().forEach(slice -> renamed.add(rename(slice, rename)));
    return of(name(), split(), weightColumn(), options(), rename(overall(), rename), renamed);
  }

  private static SliceStatistics rename(SliceStatistics slice, UnaryOperator<String> rename) {
    List<FeatureStatistics> features = new ArrayList<>();
    slice.features().forEach(feature -> features.add(feature.withName(rename.apply(feature.name()))));
    return SliceStatistics.of(
        slice.column() == null ? null : rename.apply(slice.column()), slice.value(), slice.rowCount(),
        slice.weightedRowCount(), features);
  }

  public static DatasetStatistics of(
      String name,
      String split,
      @Nullable String weightColumn,
      StatisticsOptions options,
      SliceStatistics overall,
      List<SliceStatistics> slices) {
    if (!overall.isOverall()) {
      throw new IllegalArgumentException("overall statistics must have no slice column");
    }
    return new AutoValue_DatasetStatistics(
        name, split, weightColumn, options, overall, List.copyOf(slices));
  }
}
