package io.tributary.transforms.transform;

import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.transforms.Combine.CombineFn;

/**
 * A full-pass analyzer: a mergeable {@link CombineFn} whose accumulator has an explicit,
 * deterministic coder, so partial results merge across workers and {@link FitFn} can carry many
 * analyzers in one composite accumulator through a single scan.
 *
 * <p>Inputs are never null: missing values are filtered out before an analyzer sees them. Every
 * analyzer also works as a plain {@code Combine.globally(fn)} on a {@code PCollection} of its input.
 *
 * @param <InputT> {@code Double} for numeric analyzers, {@code String} for categorical ones
 */
public abstract class AnalyzerFn<InputT, AccumT, OutputT> extends CombineFn<InputT, AccumT, OutputT> {

  /** The coder of the accumulator, independent of the input coder. */
  public abstract Coder<AccumT> accumulatorCoder();

  @Override
  public final Coder<AccumT> getAccumulatorCoder(CoderRegistry registry, Coder<InputT> inputCoder) {
    return accumulatorCoder();
  }
}
