package io.tributary.transforms.evaluate;

import io.tributary.transforms.inference.PredictionRows;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.TypeName;

/**
 * Model quality metrics over scored rows, overall and per slice, as Beam transforms (TFX's
 * Evaluator, after TensorFlow Model Analysis).
 *
 * <pre>{@code
 * PCollection<Row> scored = evalRows.apply(BulkInferrer.of(modelDir)).output();
 * PCollection<KV<SliceKey, ClassificationMetrics>> m =
 *     scored.apply(Evaluate.classification("species")
 *         .withSlices(Slice.overall(), Slice.by("island"), Slice.cross("island", "sex")));
 * PCollection<KV<SliceKey, RegressionMetrics>> r = scored.apply(Evaluate.regression("body_mass_g"));
 * }</pre>
 *
 * <p>Classification: accuracy, per-class and macro precision, recall and F1 (macro recall is the
 * balanced accuracy), log loss, ROC AUC and PR AUC (average precision) — of the positive class
 * with two classes, the one-vs-rest macro average with more, and one-vs-rest per class — and the
 * confusion matrix. Regression: RMSE, MAE and R². Every
 * slice, of every kind, is computed in the same pass by one keyed combine over mergeable
 * accumulators with explicit coders, so it runs on any runner and partial results merge. Without
 * {@code withSlices} only the overall slice is computed. Rows whose label is missing are counted,
 * not evaluated. The input must hold the label column and {@code prediction} (and, for log loss
 * and AUC, {@code probabilities}) as {@link PredictionRows} writes them, and the slice columns;
 * this is checked before any data is read.
 */
public final class Evaluate {

  private Evaluate() {}

  /** Accuracy, per-class precision/recall/F1/AUCs, macro averages, log loss, ROC and PR AUC and the confusion matrix. */
  public static SlicedEvaluation<ClassificationMetrics> classification(String labelColumn) {
    return classification(labelColumn, null);
  }

  /**
   * As {@link #classification(String)}; with two classes the whole-slice ROC and PR AUC are those
   * of {@code positiveClass} (a binary model's, from {@code ModelDescriptor#positiveClass()}); null:
   * the second class in sorted order.
   */
  public static SlicedEvaluation<ClassificationMetrics> classification(String labelColumn, String positiveClass) {
    return new SlicedEvaluation<>(
        new ClassificationMetricsFn(requireLabel(labelColumn), positiveClass), List.of(Slice.overall()));
  }

  /** RMSE, MAE and R². */
  public static SlicedEvaluation<RegressionMetrics> regression(String labelColumn) {
    return new SlicedEvaluation<>(new RegressionMetricsFn(requireLabel(labelColumn)), List.of(Slice.overall()));
  }

  private static String requireLabel(String labelColumn) {
    if (labelColumn == null || labelColumn.isBlank()) {
      throw new IllegalArgumentException("name the label column, e.g. Evaluate.classification(\"species\")");
    }
    return labelColumn;
  }

  /** Fails unless {@code schema} has {@code column} of one of {@code types}, naming the fix. */
  static void requireColumn(Schema schema, String column, String what, TypeName... types) {
    if (!schema.hasField(column)) {
      throw new IllegalArgumentException(
          "the scored rows have no " + what + " column '" + column + "'; columns are " + schema.getFieldNames()
              + ": evaluate BulkInferrer's output");
    }
    TypeName actual = schema.getField(column).getType().getTypeName();
    for (TypeName type : types) {
      if (type == actual) {
        return;
      }
    }
    throw new IllegalArgumentException(what + " column '" + column + "' is " + actual + ", not one of " + List.of(types));
  }
}
