package io.tributary.transforms.transform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.DoubleCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * Count, mean and population variance of doubles in one pass, the same to the last bit whatever
 * order the values come in and partial results merge in.
 *
 * <pre>{@code
 * PCollection<MeanVarianceFn.Moments> m = values.apply(Combine.globally(MeanVarianceFn.create()));
 * }</pre>
 *
 * <p><b>Why exact.</b> A runner bundles rows and merges partial accumulators in an order of its
 * own, so a floating-point running mean (Welford, merged with Chan's formula) gives different last
 * digits from run to run and runner to runner, and the fitted {@code transform_fn.json} different
 * bytes. Here the accumulator holds the exact sums of the values and of their squares ({@link
 * ExactSum}: integer arithmetic, associative and commutative), each square added exactly as the
 * two doubles {@code x*x} and {@code fma(x, x, -x*x)}. The mean {@code S1/n} and the sum of squared
 * deviations {@code m2 = (n*S2 - S1^2) / n} are computed from the exact sums in decimal arithmetic
 * and rounded to double once, at the end. So the result depends only on the multiset of values,
 * and it is also accurate where the naive sum of squares cancels catastrophically (large values
 * with a small spread): the cancellation happens exactly.
 *
 * <p><b>Limits.</b> Squares beyond the double range (|x| &gt; about 1.3e154) make the variance
 * +Infinity; squares below the smallest double (|x| &lt; about 1e-161) lose those digits, so the
 * variance of such tiny values may come out 0. The mean is exact for every finite input.
 *
 * <p>With no input the result has count 0, mean 0 and variance 0.
 */
public final class MeanVarianceFn extends AnalyzerFn<Double, MeanVarianceFn.Sums, MeanVarianceFn.Moments> {

  /** 34 significant digits (IEEE decimal128) before the final rounding to double. */
  private static final MathContext PRECISION = new MathContext(34, RoundingMode.HALF_EVEN);

  /** Count, mean and {@code m2}, the sum of squared deviations from the mean. */
  public record Moments(long count, double mean, double m2) {

    /** Population variance ({@code m2 / count}); 0 with no values. */
    public double variance() {
      return count == 0 ? 0.0 : m2 / count;
    }
  }

  /** The accumulator: the count and the exact sums of the values and of their squares. */
  public static final class Sums {
    private long count;
    private final ExactSum sum;
    private final ExactSum squares;
    private boolean squaresOverflow;

    private Sums(long count, ExactSum sum, ExactSum squares, boolean squaresOverflow) {
      this.count = count;
      this.sum = sum;
      this.squares = squares;
      this.squaresOverflow = squaresOverflow;
    }

    private void add(double x) {
      count++;
      sum.add(x);
      double square = x * x;
      if (Double.isInfinite(square)) {
        squaresOverflow = true;
      } else {
        squares.add(square);
        squares.add(Math.fma(x, x, -square));
      }
    }

    private void add(Sums other) {
      count += other.count;
      sum.add(other.sum);
      squares.add(other.squares);
      squaresOverflow |= other.squaresOverflow;
    }

    private Moments moments() {
      if (count == 0) {
        return new Moments(0, 0.0, 0.0);
      }
      BigDecimal n = BigDecimal.valueOf(count);
      BigDecimal s1 = sum.value();
      double mean = s1.divide(n, PRECISION).doubleValue();
      if (squaresOverflow) {
        return new Moments(count, mean, Double.POSITIVE_INFINITY);
      }
      // n * m2 = n * S2 - S1^2 exactly; rounded once, by the division.
      BigDecimal nTimesM2 = n.multiply(squares.value()).subtract(s1.multiply(s1));
      double m2 = nTimesM2.signum() <= 0 ? 0.0 : nTimesM2.divide(n, PRECISION).doubleValue();
      return new Moments(count, mean, m2);
    }
  }

  private MeanVarianceFn() {}

  public static MeanVarianceFn create() {
    return new MeanVarianceFn();
  }

  @Override
  public Sums createAccumulator() {
    return new Sums(0, new ExactSum(), new ExactSum(), false);
  }

  @Override
  public Sums addInput(Sums acc, Double value) {
    acc.add(value);
    return acc;
  }

  @Override
  public Sums mergeAccumulators(Iterable<Sums> accumulators) {
    Sums merged = createAccumulator();
    for (Sums acc : accumulators) {
      merged.add(acc);
    }
    return merged;
  }

  @Override
  public Moments extractOutput(Sums acc) {
    return acc.moments();
  }

  @Override
  public Coder<Sums> accumulatorCoder() {
    return SumsCoder.INSTANCE;
  }

  @Override
  public Coder<Moments> getDefaultOutputCoder(CoderRegistry registry, Coder<Double> inputCoder) {
    return MomentsCoder.INSTANCE;
  }

  /** Count as a varint, the overflow flag, then the two exact sums (see {@link ExactSum#encode}). */
  private static final class SumsCoder extends AtomicCoder<Sums> {
    static final SumsCoder INSTANCE = new SumsCoder();

    @Override
    public void encode(Sums value, OutputStream out) throws IOException {
      VarLongCoder.of().encode(value.count, out);
      BooleanCoder.of().encode(value.squaresOverflow, out);
      value.sum.encode(out);
      value.squares.encode(out);
    }

    @Override
    public Sums decode(InputStream in) throws IOException {
      long count = VarLongCoder.of().decode(in);
      boolean overflow = BooleanCoder.of().decode(in);
      return new Sums(count, ExactSum.decode(in), ExactSum.decode(in), overflow);
    }

    @Override
    public void verifyDeterministic() {}
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
