package io.tributary.transforms.transform;

import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;

/**
 * Fits a spec on the input and transforms the same input with the result. See {@link
 * Transform#fitAndApply}; to transform other splits too, use {@link TransformResult#fitted()} as a
 * side input ({@code View.asSingleton()}) with {@link Transform#apply(PCollectionView, TransformSpec)}.
 */
public final class FitAndApply extends PTransform<PCollection<Row>, TransformResult> {

  private final TransformSpec spec;

  FitAndApply(TransformSpec spec) {
    this.spec = spec;
  }

  @Override
  public TransformResult expand(PCollection<Row> rows) {
    PCollection<TransformFn> fitted = rows.apply("Analyze", Transform.analyze(spec));
    PCollectionView<TransformFn> view = fitted.apply("AsSingleton", View.asSingleton());
    PCollection<Row> transformed = rows.apply("Apply", Transform.apply(view, spec));
    return new TransformResult(fitted, transformed);
  }
}
