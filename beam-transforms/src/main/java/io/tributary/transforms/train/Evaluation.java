package io.tributary.transforms.train;

import io.tributary.transforms.evaluate.ClassificationMetrics;
import io.tributary.transforms.evaluate.ConfusionAccumulator;
import io.tributary.transforms.evaluate.Metrics;
import io.tributary.transforms.evaluate.RegressionAccumulator;
import io.tributary.transforms.evaluate.RegressionMetrics;
import io.tributary.transforms.model.ModelScorer;
import io.tributary.transforms.model.SavedModel;
import io.tributary.transforms.model.Score;
import io.tributary.transforms.model.Task;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.values.Row;

/**
 * An in-JVM evaluation of a model on transformed rows, for the Trainer's summary and the Tuner's
 * trials. It scores through {@link ModelScorer} (so a decision threshold applies, as everywhere)
 * and computes the Evaluator's own whole-slice metrics with the Evaluator's accumulators, so a
 * metric has one name and one meaning in every component: for classification {@code accuracy},
 * {@code macroPrecision}, {@code macroRecall} (balanced accuracy), {@code macroF1}, {@code
 * logLoss}, {@code rocAuc} and {@code prAuc} (of the positive class with two classes, one-vs-rest
 * macro averages with more); for regression {@code rmse}, {@code mae} and {@code r2}.
 *
 * @param examples labelled rows evaluated
 * @param unlabelled rows skipped because their label was missing
 * @param metrics metric name to value, in {@link ClassificationMetrics#NAMES} or {@link
 *     RegressionMetrics#NAMES} order (without {@code examples}); a metric that cannot be computed
 *     (an AUC with one class in the rows) is absent
 */
public record Evaluation(long examples, long unlabelled, Map<String, Double> metrics) {

  /** Evaluates {@code model} on {@code transformed} (rows of the transform's output schema). */
  public static Evaluation of(SavedModel model, Iterable<Row> transformed) {
    String label = model.descriptor().label();
    ModelScorer scorer = ModelScorer.of(model);
    Metrics metrics;
    List<String> names;
    if (model.descriptor().task() == Task.CLASSIFICATION) {
      ConfusionAccumulator accumulator = new ConfusionAccumulator();
      for (Row row : transformed) {
        Object value = row.getValue(label);
        if (value == null) {
          accumulator.add(null, null, null);
          continue;
        }
        Score score = scorer.score(row::getValue);
        accumulator.add(String.valueOf(value), score.label(), score.probabilities());
      }
      metrics = accumulator.metrics(model.descriptor().positiveClass());
      names = ClassificationMetrics.NAMES;
    } else {
      RegressionAccumulator accumulator = new RegressionAccumulator();
      for (Row row : transformed) {
        Object value = row.getValue(label);
        if (value == null) {
          accumulator.add(null, 0);
          continue;
        }
        accumulator.add(number(label, value), scorer.score(row::getValue).value());
      }
      metrics = accumulator.metrics();
      names = RegressionMetrics.NAMES;
    }
    Map<String, Double> byName = metrics.byName();
    Map<String, Double> wholeSlice = new LinkedHashMap<>();
    if (metrics.examples() > 0) {
      names.stream().filter(name -> !name.equals("examples") && byName.containsKey(name))
          .forEach(name -> wholeSlice.put(name, byName.get(name)));
    }
    return new Evaluation(metrics.examples(), metrics.unlabelled(), wholeSlice);
  }

  /** A metric by name, e.g. {@code accuracy}; fails naming the metrics there are. */
  public double metric(String name) {
    Double value = metrics.get(name);
    if (value == null) {
      throw new IllegalArgumentException("no metric '" + name + "'; there are " + metrics.keySet());
    }
    return value;
  }

  private static double number(String label, Object value) {
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    throw new IllegalArgumentException("label '" + label + "' value '" + value + "' is not a number: regression needs numbers");
  }
}
