package io.tributary.transforms.statistics;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.CustomCoder;

/**
 * Encodes a {@link StatisticsAccumulator} field by field, sketches as their DataSketches bytes,
 * with no Java serialisation. The same rows added in the same order give the same bytes; the
 * accumulator is never a grouping key, so nothing relies on more than that.
 */
final class StatisticsAccumulatorCoder extends CustomCoder<StatisticsAccumulator> {
  private static final long serialVersionUID = 1L;
  private static final StatisticsAccumulatorCoder INSTANCE = new StatisticsAccumulatorCoder();

  private StatisticsAccumulatorCoder() {}

  static StatisticsAccumulatorCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(StatisticsAccumulator value, OutputStream outStream) throws IOException {
    DataOutputStream out = new DataOutputStream(outStream);
    value.encode(out);
    out.flush();
  }

  @Override
  public StatisticsAccumulator decode(InputStream inStream) throws IOException {
    // DataInputStream reads exactly the bytes asked for, so nothing past this value is consumed.
    return StatisticsAccumulator.decode(new DataInputStream(inStream));
  }

  @Override
  public void verifyDeterministic() {}
}
