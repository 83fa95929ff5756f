package io.tributary.transforms.statistics;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The mergeable state of one feature's statistics: presence counts here, the figures of each type
 * in a subclass. Used alone for {@link FeatureType#OTHER} columns.
 *
 * <p>A subclass overrides the four hooks {@link #addValue}, {@link #mergeValues}, {@link
 * #encodeValues}/{@link #decodeValues} and {@link #figures}/{@link #restoreFigures}; the counts
 * and the type tag are handled here, once.
 */
class FeatureAccumulator {
  private final FeatureType type;
  long numNonMissing;
  long numMissing;
  double weightedNumNonMissing;

  FeatureAccumulator(FeatureType type) {
    this.type = type;
  }

  /** A new, empty accumulator for a column of the given type. */
  static FeatureAccumulator create(FeatureType type, boolean weighted) {
    switch (type) {
      case INT:
      case FLOAT:
        return new NumericAccumulator(type);
      case STRING:
        return new StringAccumulator(weighted);
      case BOOLEAN:
        return new BooleanAccumulator();
      default:
        return new FeatureAccumulator(type);
    }
  }

  final FeatureType type() {
    return type;
  }

  /** Adds one row's value ({@code null} when missing) with the row's weight. */
  final void add(@Nullable Object value, double weight) {
    if (value == null) {
      numMissing++;
      return;
    }
    numNonMissing++;
    weightedNumNonMissing += weight;
    addValue(value, weight);
  }

  /** Adds a present value; {@link #numNonMissing} already counts it. */
  void addValue(Object value, double weight) {}

  /** Adds another accumulator of the same type into this one. */
  final void merge(FeatureAccumulator other) {
    if (other.type != type) {
      throw new IllegalArgumentException(
          "cannot merge statistics of a " + other.type + " feature into a " + type + " feature");
    }
    // Subclasses read both sides' counts before they change.
    mergeValues(other);
    numNonMissing += other.numNonMissing;
    numMissing += other.numMissing;
    weightedNumNonMissing += other.weightedNumNonMissing;
  }

  /** Merges the type's figures; called before the counts are added up. */
  void mergeValues(FeatureAccumulator other) {}

  final void encode(DataOutputStream out) throws IOException {
    // The tag lives only as long as a pipeline run (artifacts are JSON), so the ordinal will do.
    out.writeByte(type.ordinal());
    out.writeLong(numNonMissing);
    out.writeLong(numMissing);
    out.writeDouble(weightedNumNonMissing);
    encodeValues(out);
  }

  void encodeValues(DataOutputStream out) throws IOException {}

  static FeatureAccumulator decode(DataInputStream in) throws IOException {
    FeatureType type = FeatureType.values()[in.readByte()];
    // The string accumulator reads whether it is weighted from its own bytes.
    FeatureAccumulator accumulator = create(type, false);
    accumulator.numNonMissing = in.readLong();
    accumulator.numMissing = in.readLong();
    accumulator.weightedNumNonMissing = in.readDouble();
    accumulator.decodeValues(in);
    return accumulator;
  }

  void decodeValues(DataInputStream in) throws IOException {}

  /** The statistics of this state; weighted figures are NaN or empty unless {@code weighted}. */
  final FeatureStatistics toStatistics(String name, StatisticsOptions options, boolean weighted) {
    FeatureStatistics.Builder builder =
        FeatureStatistics.builder()
            .setName(name)
            .setType(type)
            .setNumNonMissing(numNonMissing)
            .setNumMissing(numMissing)
            .setWeightedNumNonMissing(weighted ? weightedNumNonMissing : Double.NaN);
    figures(builder, options, weighted);
    return builder.build();
  }

  void figures(FeatureStatistics.Builder builder, StatisticsOptions options, boolean weighted) {}

  /** The state behind earlier statistics, ready to merge with new data or other statistics. */
  static FeatureAccumulator fromStatistics(FeatureStatistics statistics) {
    FeatureAccumulator accumulator = create(statistics.type(), false);
    accumulator.numNonMissing = statistics.numNonMissing();
    accumulator.numMissing = statistics.numMissing();
    accumulator.weightedNumNonMissing = zeroIfNaN(statistics.weightedNumNonMissing());
    accumulator.restoreFigures(statistics);
    return accumulator;
  }

  void restoreFigures(FeatureStatistics statistics) {}

  static double zeroIfNaN(double value) {
    return Double.isNaN(value) ? 0 : value;
  }
}
