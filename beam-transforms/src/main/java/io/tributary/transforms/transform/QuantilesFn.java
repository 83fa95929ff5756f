package io.tributary.transforms.transform;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;

/**
 * Approximate quantiles of doubles with a DataSketches KLL sketch, for quantile buckets and median
 * imputation.
 *
 * <pre>{@code
 * // Boundaries of 4 equal-frequency buckets: the quartiles.
 * PCollection<QuantilesFn.Quantiles> q =
 *     values.apply(Combine.globally(QuantilesFn.boundaries(4)));
 * }</pre>
 *
 * <p><b>Accuracy and determinism.</b> The sketch keeps every value while it holds at most {@value
 * #K} of them, so the quantiles of smaller data are exact and the same, to the bit, on every runner
 * and in every order. Beyond that the normalized rank error is about 0.3% (KLL with k = {@value
 * #K}), and the result is <em>not</em> bit-reproducible: KLL compacts with coin flips from
 * DataSketches' own unseeded, JVM-wide {@code Random} (6.1 offers no per-sketch seed), and which
 * values get compacted together depends on the order rows arrive and partials merge. Two fits of
 * the same large data may put a boundary at neighbouring values (within the rank error).
 *
 * <p>A quantile at rank r is the smallest observed value whose inclusive rank is at least r.
 * Boundaries that coincide (a column with few distinct values) are merged, so there may be fewer
 * buckets than asked for. With no input the result is empty.
 */
public final class QuantilesFn extends AnalyzerFn<Double, KllDoublesSketch, QuantilesFn.Quantiles> {

  /** The KLL accuracy parameter. */
  public static final int K = 1024;

  /** The values seen and the distinct quantiles found, increasing. */
  public record Quantiles(long count, List<Double> values) {}

  private final double[] ranks;

  private QuantilesFn(double[] ranks) {
    this.ranks = ranks;
  }

  /** The {@code buckets - 1} inner boundaries of {@code buckets} equal-frequency buckets. */
  public static QuantilesFn boundaries(int buckets) {
    if (buckets < 2) {
      throw new IllegalArgumentException("quantile buckets must be at least 2, got " + buckets);
    }
    double[] ranks = new double[buckets - 1];
    for (int i = 1; i < buckets; i++) {
      ranks[i - 1] = (double) i / buckets;
    }
    return new QuantilesFn(ranks);
  }

  /** The median (rank 0.5). */
  public static QuantilesFn median() {
    return new QuantilesFn(new double[] {0.5});
  }

  @Override
  public KllDoublesSketch createAccumulator() {
    return KllDoublesSketch.newHeapInstance(K);
  }

  @Override
  public KllDoublesSketch addInput(KllDoublesSketch sketch, Double value) {
    sketch.update(value);
    return sketch;
  }

  @Override
  public KllDoublesSketch mergeAccumulators(Iterable<KllDoublesSketch> sketches) {
    KllDoublesSketch merged = createAccumulator();
    for (KllDoublesSketch sketch : sketches) {
      merged.merge(sketch);
    }
    return merged;
  }

  @Override
  public Quantiles extractOutput(KllDoublesSketch sketch) {
    List<Double> values = new ArrayList<>();
    if (!sketch.isEmpty()) {
      for (double q : sketch.getQuantiles(ranks, QuantileSearchCriteria.INCLUSIVE)) {
        if (values.isEmpty() || q > values.get(values.size() - 1)) {
          values.add(q);
        }
      }
    }
    return new Quantiles(sketch.getN(), values);
  }

  @Override
  public Coder<KllDoublesSketch> accumulatorCoder() {
    return new SketchCoder<>(KllDoublesSketch::toByteArray, bytes -> KllDoublesSketch.heapify(Memory.wrap(bytes)));
  }
}
