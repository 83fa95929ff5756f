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
 * Count, mean and population variance of doubles in one pass.
 *
 * <p>The accumulator is Welford's running mean and sum of squared deviations, merged with Chan's
 * pairwise formula, which stays accurate where the naive sum of squares cancels catastrophically
 * (large values with a small spread). Merge order changes only the last digits.
 *
 * <pre>{@code
 * PCollection<MeanVarianceFn.Moments> m = values.apply(Combine.globally(MeanVarianceFn.create()));
 * }</pre>
 *
 * <p>With no input the result has count 0, mean 0 and variance 0.
 */
public final class MeanVarianceFn extends AnalyzerFn<Double, MeanVarianceFn.Moments, MeanVarianceFn.Moments> {

  /** Count, mean and {@code m2}, the sum of squared deviations from the mean. */
  public record Moments(long count, double mean, double m2) {

    /** Population variance ({@code m2 / count}); 0 with no values. */
    public double variance() {
      return count == 0 ? 0.0 : m2 / count;
    }

    Moments add(double x) {
      long n = count + 1;
      double delta = x - mean;
      double newMean = mean + delta / n;
      return new Moments(n, newMean, m2 + delta * (x - newMean));
    }

    Moments merge(Moments other) {
      if (other.count == 0) {
        return this;
      }
      if (count == 0) {
        return other;
      }
      long n = count + other.count;
      double delta = other.mean - mean;
      double newMean = mean + delta * ((double) other.count / n);
      double newM2 = m2 + other.m2 + delta * delta * ((double) count * other.count / n);
      return new Moments(n, newMean, newM2);
    }
  }

  private MeanVarianceFn() {}

  public static MeanVarianceFn create() {
    return new MeanVarianceFn();
  }

  @Override
  public Moments createAccumulator() {
    return new Moments(0, 0.0, 0.0);
  }

  @Override
  public Moments addInput(Moments acc, Double value) {
    return acc.add(value);
  }

  @Override
  public Moments mergeAccumulators(Iterable<Moments> accumulators) {
    Moments merged = createAccumulator();
    for (Moments acc : accumulators) {
      merged = merged.merge(acc);
    }
    return merged;
  }

  @Override
  public Moments extractOutput(Moments acc) {
    return acc;
  }

  @Override
  public Coder<Moments> accumulatorCoder() {
    return MomentsCoder.INSTANCE;
  }

  @Override
  public Coder<Moments> getDefaultOutputCoder(
      CoderRegistry registry, Coder<Double> inputCoder) {
    return MomentsCoder.INSTANCE;
  }

  /** Count as a varint, then mean and m2 as 8-byte doubles. */
  private static final class MomentsCoder extends AtomicCoder<Moments> {
    static final MomentsCoder INSTANCE = new MomentsCoder();

    @Override
    public void encode(Moments value, OutputStream out) throws IOException {
      VarLongCoder.of().encode(value.count(), out);
      DoubleCoder.of().encode(value.mean(), out);
      DoubleCoder.of().encode(value.m2(), out);
    }

    @Override
    public Moments decode(InputStream in) throws IOException {
      return new Moments(VarLongCoder.of().decode(in), DoubleCoder.of().decode(in), DoubleCoder.of().decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
