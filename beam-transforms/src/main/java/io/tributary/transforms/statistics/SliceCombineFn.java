package io.tributary.transforms.statistics;

import java.util.Iterator;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.values.Row;

/**
 * Combines the rows of one slice into a {@link StatisticsAccumulator} holding every feature's
 * state. Its output is the accumulator itself, so that the figures are derived once, after all
 * slices are gathered. {@link SliceAccumulators} applies it to the rows of a bundle or of a {@link
 * StatisticsCollector}.
 */
final class SliceCombineFn
    extends Combine.CombineFn<Row, StatisticsAccumulator, StatisticsAccumulator> {
  private static final long serialVersionUID = 1L;

  private final List<FeatureType> types;
  private final int weightIndex;

  /** {@code weightIndex}: the weight column's index in the schema, or -1 when unweighted. */
  SliceCombineFn(List<FeatureType> types, int weightIndex) {
    this.types = List.copyOf(types);
    this.weightIndex = weightIndex;
  }

  @Override
  public StatisticsAccumulator createAccumulator() {
    return StatisticsAccumulator.empty(types, weightIndex >= 0);
  }

  @Override
  public StatisticsAccumulator addInput(StatisticsAccumulator accumulator, Row row) {
    accumulator.add(row, weightIndex);
    return accumulator;
  }

  @Override
  public StatisticsAccumulator mergeAccumulators(Iterable<StatisticsAccumulator> accumulators) {
    Iterator<StatisticsAccumulator> iterator = accumulators.iterator();
    if (!iterator.hasNext()) {
      return createAccumulator();
    }
    StatisticsAccumulator merged = iterator.next();
    while (iterator.hasNext()) {
      merged.merge(iterator.next());
    }
    return merged;
  }

  @Override
  public StatisticsAccumulator extractOutput(StatisticsAccumulator accumulator) {
    return accumulator;
  }

  @Override
  public Coder<StatisticsAccumulator> getAccumulatorCoder(
      CoderRegistry registry, Coder<Row> inputCoder) {
    return StatisticsAccumulatorCoder.of();
  }

  @Override
  public Coder<StatisticsAccumulator> getDefaultOutputCoder(
      CoderRegistry registry, Coder<Row> inputCoder) {
    return StatisticsAccumulatorCoder.of();
  }
}
