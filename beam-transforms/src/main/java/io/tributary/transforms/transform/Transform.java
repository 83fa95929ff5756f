package io.tributary.transforms.transform;

import org.apache.beam.sdk.values.PCollectionView;

/**
 * Fits feature transformations once over training data and applies them with one implementation
 * everywhere (TFX Transform for Beam {@code Row}s).
 *
 * <pre>{@code
 * TransformSpec spec = TransformSpec.fromYaml(specText);
 *
 * // Fit on train, apply to train and eval with the same fitted constants:
 * PCollection<TransformFn> fitted = train.apply("Fit", Transform.analyze(spec));
 * PCollectionView<TransformFn> view = fitted.apply(View.asSingleton());
 * PCollection<Row> trainOut = train.apply("ApplyTrain", Transform.apply(view, spec));
 * PCollection<Row> evalOut = eval.apply("ApplyEval", Transform.apply(view, spec));
 *
 * // Or in one go:
 * TransformResult result = train.apply(Transform.fitAndApply(spec));
 *
 * // Later, with a saved transform_fn.json:
 * PCollection<Row> out = rows.apply(Transform.apply(TransformFnFiles.read(dir)));
 * }</pre>
 *
 * <p><b>Errors.</b> The spec is checked against the input schema at the top of {@code expand()}:
 * an unknown column, a type no step can take or a column neither used, passed through nor dropped
 * fails the pipeline construction with a message naming it, before any data is read.
 *
 * <p><b>Counters</b> (namespace {@value #METRICS_NAMESPACE}) on the apply path: {@value
 * #ROWS_COUNTER}, and per feature {@code missing_<feature>}, {@code oov_<feature>}, {@code
 * out_of_range_<feature>} (see {@link Tally.Event}).
 *
 * <p><b>Empty training data</b> fits a {@link TransformFn} with {@code numExamples} 0: means,
 * standard deviations, min and max are 0, quantile boundaries and vocabularies empty, imputed
 * values 0, 0.0 or {@code ""}. Applying it never fails: new categories are out of vocabulary and
 * every number lands in bucket 0.
 */
public final class Transform {

  public static final String METRICS_NAMESPACE = "tributary.transform";
  public static final String ROWS_COUNTER = "rows";

  private Transform() {}

  /** Fits {@code spec} in one full pass: a singleton {@code PCollection<TransformFn>}. */
  public static Analyze analyze(TransformSpec spec) {
    return new Analyze(requireSpec(spec));
  }

  /** Applies a fitted transform, e.g. one read with {@link TransformFnFiles#read}. */
  public static ApplyTransform apply(TransformFn fn) {
    if (fn == null) {
      throw new IllegalArgumentException("apply(null): pass a fitted TransformFn, e.g. TransformFnFiles.read(dir)");
    }
    return new ApplyTransform(fn, null, null);
  }

  /**
   * Applies a transform fitted in the same pipeline, given as a singleton side input. The spec is
   * needed to know the output schema while the pipeline is built.
   */
  public static ApplyTransform apply(PCollectionView<TransformFn> fitted, TransformSpec spec) {
    if (fitted == null) {
      throw new IllegalArgumentException("apply(null, spec): pass analyze(spec) output as View.asSingleton()");
    }
    return new ApplyTransform(null, fitted, requireSpec(spec));
  }

  /** Fits on the input and applies the result to the same input. */
  public static FitAndApply fitAndApply(TransformSpec spec) {
    return new FitAndApply(requireSpec(spec));
  }

  private static TransformSpec requireSpec(TransformSpec spec) {
    if (spec == null) {
      throw new IllegalArgumentException("the spec is null: build one with TransformSpec.builder() or fromYaml()");
    }
    return spec;
  }
}
