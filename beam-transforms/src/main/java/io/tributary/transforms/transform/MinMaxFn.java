package io.tributary.transforms.transform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.DoubleCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * Count, smallest and largest of doubles. Exact and independent of merge order.
 *
 * <pre>{@code
 * PCollection<MinMaxFn.Range> range = values.apply(Combine.globally(MinMaxFn.create()));
 * }</pre>
 *
 * <p>With no input the count is 0 and min/max are +Infinity/-Infinity; check {@code count}.
 */
public final class MinMaxFn extends AnalyzerFn<Double, MinMaxFn.Range, MinMaxFn.Range> {

  public record Range(long count, double min, double max) {

    Range add(double x) {
      return new Range(count + 1, Math.min(min, x), Math.max(max, x));
    }

    Range merge(Range other) {
      return new Range(count + other.count, Math.min(min, other.min), Math.max(max, other.max));
    }
  }

  private MinMaxFn() {}

  public static MinMaxFn create() {
    return new MinMaxFn();
  }

  @Override
  public Range createAccumulator() {
    return new Range(0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
  }

  @Override
  public Range addInput(Range acc, Double value) {
    return acc.add(value);
  }

  @Override
  public Range mergeAccumulators(Iterable<Range> accumulators) {
    Range merged = createAccumulator();
    for (Range acc : accumulators) {
      merged = merged.merge(acc);
    }
    return merged;
  }

  @Override
  public Range extractOutput(Range acc) {
    return acc;
  }

  @Override
  public Coder<Range> accumulatorCoder() {
    return RangeCoder.INSTANCE;
  }

  @Override
  public Coder<Range> getDefaultOutputCoder(CoderRegistry registry, Coder<Double> inputCoder) {
    return RangeCoder.INSTANCE;
  }

  /** Count as a varint, then min and max as 8-byte doubles. */
  private static final class RangeCoder extends AtomicCoder<Range> {
    static final RangeCoder INSTANCE = new RangeCoder();

    @Override
    public void encode(Range value, OutputStream out) throws IOException {
      VarLongCoder.of().encode(value.count(), out);
      DoubleCoder.of().encode(value.min(), out);
      DoubleCoder.of().encode(value.max(), out);
    }

    @Override
    public Range decode(InputStream in) throws IOException {
      return new Range(VarLongCoder.of().decode(in), DoubleCoder.of().decode(in), DoubleCoder.of().decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
