package io.tributary.transforms.evaluate;

import java.util.Iterator;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.values.Row;

/**
 * What one task's evaluation needs besides slicing: the columns it reads, how a scored row adds to
 * the mergeable accumulator, and the coders. {@link SlicedEvaluation} runs it once per slice.
 *
 * @param <A> the accumulator
 * @param <M> the metrics of a slice
 */
abstract class MetricsFn<A, M extends Metrics> extends Combine.CombineFn<Row, A, M> {
  private static final long serialVersionUID = 1L;

  /** Fails unless the scored rows have the label and prediction columns this task reads. */
  abstract void checkColumns(Schema scored);

  abstract Coder<A> accumulatorCoder();

  abstract Coder<M> metricsCoder();

  /** Adds {@code from} into {@code into}. */
  abstract void merge(A into, A from);

  @Override
  public final A mergeAccumulators(Iterable<A> accumulators) {
    Iterator<A> iterator = accumulators.iterator();
    if (!iterator.hasNext()) {
      return createAccumulator();
    }
    A merged = iterator.next();
    while (iterator.hasNext()) {
      merge(merged, iterator.next());
    }
    return merged;
  }

  @Override
  public final Coder<A> getAccumulatorCoder(CoderRegistry registry, Coder<Row> input) {
    return accumulatorCoder();
  }

  @Override
  public final Coder<M> getDefaultOutputCoder(CoderRegistry registry, Coder<Row> input) {
    return metricsCoder();
  }
}
