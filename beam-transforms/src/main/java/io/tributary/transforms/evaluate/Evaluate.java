package io.tributary.transforms.evaluate;

import io.tributary.transforms.inference.PredictionRows;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.TypeName;

/**
 * Model quality metrics over scored rows, as Beam transforms (the start of TFX's Evaluator).
 *
 * <pre>{@code
 * PCollection<Row> scored = evalRows.apply(BulkInferrer.of(modelDir)).output();
 * PCollection<ClassificationMetrics> m = scored.apply(Evaluate.classification("species"));
 * PCollection<RegressionMetrics> r = scored.apply(Evaluate.regression("body_mass_g"));
 * }</pre>
 *
 * <p>Each is one {@code Combine.globally} over a mergeable accumulator, so it runs on any runner
 * and partial results merge. Rows whose label is missing are counted, not evaluated. The input
 * must hold the label column and {@code prediction} (and, for log loss, {@code probabilities}) as
 * {@link PredictionRows} writes them; this is checked before any data is read.
 */
public final class Evaluate {

  private Evaluate() {}

  /** Accuracy, per-class precision/recall/F1, macro averages, log loss and the confusion matrix. */
  public static ClassificationEvaluation classification(String labelColumn) {
    return new ClassificationEvaluation(requireLabel(labelColumn));
  }

  /** RMSE, MAE and R². */
  public static RegressionEvaluation regression(String labelColumn) {
    return new RegressionEvaluation(requireLabel(labelColumn));
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
