package io.tributary.transforms.transform;

import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.transforms.Combine.CombineFn;

/**
 * The second half of {@link Analyze}: merges the per-bundle accumulators of {@link FitPerBundle}
 * and extracts the fitted {@link TransformFn}. With no input it gives the fit of empty data.
 */
final class MergeFits extends CombineFn<FitFn.Accumulators, FitFn.Accumulators, TransformFn> {

  private final FitFn fit;

  MergeFits(FitFn fit) {
    this.fit = fit;
  }

  @Override
  public FitFn.Accumulators createAccumulator() {
    return fit.createAccumulator();
  }

  @Override
  public FitFn.Accumulators addInput(FitFn.Accumulators merged, FitFn.Accumulators bundle) {
    return fit.mergeAccumulators(List.of(merged, bundle));
  }

  @Override
  public FitFn.Accumulators mergeAccumulators(Iterable<FitFn.Accumulators> accumulators) {
    return fit.mergeAccumulators(accumulators);
  }

  @Override
  public TransformFn extractOutput(FitFn.Accumulators merged) {
    return fit.extractOutput(merged);
  }

  @Override
  public Coder<FitFn.Accumulators> getAccumulatorCoder(CoderRegistry registry, Coder<FitFn.Accumulators> inputCoder) {
    return inputCoder;
  }

  @Override
  public Coder<TransformFn> getDefaultOutputCoder(CoderRegistry registry, Coder<FitFn.Accumulators> inputCoder) {
    return TransformFnCoder.of();
  }
}
