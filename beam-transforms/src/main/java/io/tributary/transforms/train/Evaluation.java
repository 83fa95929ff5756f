package io.tributary.transforms.train;

import io.tributary.transforms.model.SavedModel;
import io.tributary.transforms.model.Task;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.values.Row;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.evaluation.RegressionEvaluation;
import org.tribuo.regression.evaluation.RegressionEvaluator;

/**
 * A quick in-JVM evaluation of a model on transformed rows, for the Trainer's summary: accuracy
 * and macro-averaged F1 for classification; RMSE, MAE and R² for regression. (The Evaluator
 * component computes the full set of metrics as a Beam transform.)
 *
 * @param examples labelled rows evaluated
 * @param unlabelled rows skipped because their label was missing
 * @param metrics metric name to value, in a fixed order
 */
public record Evaluation(long examples, long unlabelled, Map<String, Double> metrics) {

  /** Evaluates {@code model} on {@code transformed} (rows of the transform's output schema). */
  public static Evaluation of(SavedModel model, Iterable<Row> transformed) {
    String label = model.descriptor().label();
    List<String> features = model.descriptor().features();
    Map<String, Double> metrics = new LinkedHashMap<>();
    if (model.descriptor().task() == Task.CLASSIFICATION) {
      LabelledExamples<Label> examples = LabelledExamples.classification(label, features, transformed);
      if (examples.dataset().size() == 0) {
        return new Evaluation(0, examples.unlabelled(), metrics);
      }
      LabelEvaluation evaluation =
          new LabelEvaluator().evaluate(model.model().castModel(Label.class), examples.dataset());
      metrics.put("accuracy", evaluation.accuracy());
      metrics.put("macroF1", evaluation.macroAveragedF1());
      return new Evaluation(examples.dataset().size(), examples.unlabelled(), metrics);
    }
    LabelledExamples<Regressor> examples = LabelledExamples.regression(label, features, transformed);
    if (examples.dataset().size() == 0) {
      return new Evaluation(0, examples.unlabelled(), metrics);
    }
    RegressionEvaluation evaluation =
        new RegressionEvaluator().evaluate(model.model().castModel(Regressor.class), examples.dataset());
    metrics.put("rmse", evaluation.averageRMSE());
    metrics.put("mae", evaluation.averageMAE());
    metrics.put("r2", evaluation.averageR2());
    return new Evaluation(examples.dataset().size(), examples.unlabelled(), metrics);
  }

  /** A metric by name, e.g. {@code accuracy}; fails naming the metrics there are. */
  public double metric(String name) {
    Double value = metrics.get(name);
    if (value == null) {
      throw new IllegalArgumentException("no metric '" + name + "'; there are " + metrics.keySet());
    }
    return value;
  }
}
