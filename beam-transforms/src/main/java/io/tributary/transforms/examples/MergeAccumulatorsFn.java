package io.tributary.transforms.examples;

import java.util.List;
import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.Row;

/**
 * Combines partial accumulators of a row {@code CombineFn}, as {@link FoldingSource} makes them,
 * into that function's output: the second half of the combine whose first half ran in the reader.
 * An input accumulator is an element of the pipeline, which a {@code CombineFn}'s merge may change,
 * so it is merged as a copy: one per split, not per row.
 */
final class MergeAccumulatorsFn<AccumT, OutputT> extends Combine.CombineFn<AccumT, AccumT, OutputT> {
  private static final long serialVersionUID = 1L;

  private final Combine.CombineFn<Row, AccumT, OutputT> combineFn;
  private final Coder<AccumT> accumulatorCoder;
  private final Coder<Row> rowCoder;

  MergeAccumulatorsFn(
      Combine.CombineFn<Row, AccumT, OutputT> combineFn, Coder<AccumT> accumulatorCoder, Coder<Row> rowCoder) {
    this.combineFn = combineFn;
    this.accumulatorCoder = accumulatorCoder;
    this.rowCoder = rowCoder;
  }

  @Override
  public AccumT createAccumulator() {
    return combineFn.createAccumulator();
  }

  @Override
  public AccumT addInput(AccumT accumulator, AccumT input) {
    try {
      return combineFn.mergeAccumulators(List.of(accumulator, CoderUtils.clone(accumulatorCoder, input)));
    } catch (CoderException e) {
      throw new IllegalStateException("cannot copy an accumulator with " + accumulatorCoder, e);
    }
  }

  @Override
  public AccumT mergeAccumulators(Iterable<AccumT> accumulators) {
    return combineFn.mergeAccumulators(accumulators);
  }

  @Override
  public OutputT extractOutput(AccumT accumulator) {
    return combineFn.extractOutput(accumulator);
  }

  @Override
  public Coder<AccumT> getAccumulatorCoder(CoderRegistry registry, Coder<AccumT> inputCoder) {
    return accumulatorCoder;
  }

  @Override
  public Coder<OutputT> getDefaultOutputCoder(CoderRegistry registry, Coder<AccumT> inputCoder)
      throws CannotProvideCoderException {
    return combineFn.getDefaultOutputCoder(registry, rowCoder);
  }
}
