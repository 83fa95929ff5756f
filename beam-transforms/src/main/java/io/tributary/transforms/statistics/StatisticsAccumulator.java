package io.tributary.transforms.statistics;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The mergeable state of the statistics of one slice: the row count and one {@link
 * FeatureAccumulator} per column, in schema order. One of these per slice and bundle is all that
 * leaves a bundle ({@link AccumulateBundleFn}), so one scan computes every feature of every slice,
 * and the accumulators of all bundles merge into one per slice. It converts to and from {@link SliceStatistics}, whose
 * sketches and exact figures hold the same state, which is how statistics merge without rescanning.
 */
final class StatisticsAccumulator {
  long rowCount;
  double weightedRowCount;
  final FeatureAccumulator[] features;

  private StatisticsAccumulator(FeatureAccumulator[] features) {
    this.features = features;
  }

  static StatisticsAccumulator empty(List<FeatureType> types, boolean weighted) {
    FeatureAccumulator[] features = new FeatureAccumulator[types.size()];
    for (int i = 0; i < features.length; i++) {
      features[i] = FeatureAccumulator.create(types.get(i), weighted);
    }
    return new StatisticsAccumulator(features);
  }

  /** Adds a row; {@code weightIndex} is the weight column's index, or -1 when unweighted. */
  void add(Row row, int weightIndex) {
    double weight = weightIndex < 0 ? 1.0 : weightOf(row.getValue(weightIndex));
    rowCount++;
    weightedRowCount += weight;
    for (int i = 0; i < features.length; i++) {
      features[i].add(row.getValue(i), weight);
    }
  }

  /** A row's weight: missing, NaN, infinite and negative weights count as 0. */
  private static double weightOf(@Nullable Object value) {
    if (value == null) {
      return 0;
    }
    double weight = ((Number) value).doubleValue();
    return weight > 0 && weight < Double.POSITIVE_INFINITY ? weight : 0;
  }

  void merge(StatisticsAccumulator other) {
    if (other.features.length != features.length) {
      throw new IllegalArgumentException(
          "cannot merge statistics of "
              + other.features.length
              + " features into statistics of "
              + features.length);
    }
    rowCount += other.rowCount;
    weightedRowCount += other.weightedRowCount;
    for (int i = 0; i < features.length; i++) {
      features[i].merge(other.features[i]);
    }
  }

  SliceStatistics toStatistics(
      @Nullable String column,
      @Nullable String value,
      List<String> names,
      StatisticsOptions options,
      boolean weighted) {
    List<FeatureStatistics> result = new ArrayList<>(features.length);
    for (int i = 0; i < features.length; i++) {
      result.add(features[i].toStatistics(names.get(i), options, weighted));
    }
    return SliceStatistics.of(
        column, value, rowCount, weighted ? weightedRowCount : Double.NaN, result);
  }

  static StatisticsAccumulator fromStatistics(SliceStatistics slice) {
    List<FeatureStatistics> statistics = slice.features();
    FeatureAccumulator[] features = new FeatureAccumulator[statistics.size()];
    for (int i = 0; i < features.length; i++) {
      features[i] = FeatureAccumulator.fromStatistics(statistics.get(i));
    }
    StatisticsAccumulator accumulator = new StatisticsAccumulator(features);
    accumulator.rowCount = slice.rowCount();
    accumulator.weightedRowCount = FeatureAccumulator.zeroIfNaN(slice.weightedRowCount());
    return accumulator;
  }

  void encode(DataOutputStream out) throws IOException {
    out.writeLong(rowCount);
    out.writeDouble(weightedRowCount);
    out.writeInt(features.length);
    for (FeatureAccumulator feature : features) {
      feature.encode(out);
    }
  }

  static StatisticsAccumulator decode(DataInputStream in) throws IOException {
    long rowCount = in.readLong();
    double weightedRowCount = in.readDouble();
    FeatureAccumulator[] features = new FeatureAccumulator[in.readInt()];
    for (int i = 0; i < features.length; i++) {
      features[i] = FeatureAccumulator.decode(in);
    }
    StatisticsAccumulator accumulator = new StatisticsAccumulator(features);
    accumulator.rowCount = rowCount;
    accumulator.weightedRowCount = weightedRowCount;
    return accumulator;
  }
}
