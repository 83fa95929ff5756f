package io.tributary.transforms.evaluate;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Encodes a {@link RegressionAccumulator}: its two counts and four sums. */
public final class RegressionAccumulatorCoder extends DataStreamCoder<RegressionAccumulator> {
  private static final long serialVersionUID = 1L;
  private static final RegressionAccumulatorCoder INSTANCE = new RegressionAccumulatorCoder();

  private RegressionAccumulatorCoder() {}

  public static RegressionAccumulatorCoder of() {
    return INSTANCE;
  }

  @Override
  void write(RegressionAccumulator value, DataOutputStream out) throws IOException {
    value.write(out);
  }

  @Override
  RegressionAccumulator read(DataInputStream in) throws IOException {
    return RegressionAccumulator.read(in);
  }
}
