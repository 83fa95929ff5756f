package io.tributary.transforms.evaluate;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Encodes a {@link ConfusionAccumulator}: counts, sums, the confusion cells and score histograms, sorted. */
public final class ConfusionAccumulatorCoder extends DataStreamCoder<ConfusionAccumulator> {
  private static final long serialVersionUID = 1L;
  private static final ConfusionAccumulatorCoder INSTANCE = new ConfusionAccumulatorCoder();

  private ConfusionAccumulatorCoder() {}

  public static ConfusionAccumulatorCoder of() {
    return INSTANCE;
  }

  @Override
  void write(ConfusionAccumulator value, DataOutputStream out) throws IOException {
    value.write(out);
  }

  @Override
  ConfusionAccumulator read(DataInputStream in) throws IOException {
    return ConfusionAccumulator.read(in);
  }
}
