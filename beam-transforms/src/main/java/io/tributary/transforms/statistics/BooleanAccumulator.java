package io.tributary.transforms.statistics;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** The state of a {@link FeatureType#BOOLEAN} feature: true and false counts. */
final class BooleanAccumulator extends FeatureAccumulator {
  private long numTrue;
  private long numFalse;

  BooleanAccumulator() {
    super(FeatureType.BOOLEAN);
  }

  @Override
  void addValue(Object value, double weight) {
    if ((Boolean) value) {
      numTrue++;
    } else {
      numFalse++;
    }
  }

  @Override
  void mergeValues(FeatureAccumulator other) {
    BooleanAccumulator that = (BooleanAccumulator) other;
    numTrue += that.numTrue;
    numFalse += that.numFalse;
  }

  @Override
  void encodeValues(DataOutputStream out) throws IOException {
    out.writeLong(numTrue);
    out.writeLong(numFalse);
  }

  @Override
  void decodeValues(DataInputStream in) throws IOException {
    numTrue = in.readLong();
    numFalse = in.readLong();
  }

  @Override
  void figures(FeatureStatistics.Builder builder, StatisticsOptions options, boolean weighted) {
    builder.setBool(BooleanStatistics.of(numTrue, numFalse));
  }

  @Override
  void restoreFigures(FeatureStatistics statistics) {
    numTrue = statistics.bool().numTrue();
    numFalse = statistics.bool().numFalse();
  }
}
