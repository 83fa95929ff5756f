package io.tributary.transforms.evaluate.blessing;

import io.tributary.transforms.evaluate.ClassMetrics;
import io.tributary.transforms.evaluate.ClassificationMetrics;
import io.tributary.transforms.evaluate.Metrics;
import io.tributary.transforms.evaluate.RegressionMetrics;
import io.tributary.transforms.evaluate.SliceKey;
import io.tributary.transforms.model.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Is the model better than knowing nothing? The naive model of classification always predicts the
 * majority class of the evaluated rows, with the classes' shares as its probabilities; that of
 * regression always predicts the labels' mean. Its metrics follow from the evaluated rows' labels
 * alone, so no second pass is needed.
 *
 * <p>Two checks, on the overall slice, both failing a blessing: the candidate's metric ({@link
 * NaiveBaselineCheck#metricFor}, macro recall by default: balanced accuracy, which a constant
 * model cannot lift above {@code 1/classes}) must be strictly better than the naive model's; and,
 * for classification, every class of the labels must be predicted at least once. A model that
 * predicts the majority class for every row of a 5%-positive data set (accuracy 0.95) fails both.
 *
 * <pre>{@code
 * List<ThresholdCheck> checks = NaiveBaseline.judge(config.naiveBaseline(), overallMetrics);
 * Blessing blessing = ThresholdJudge.judge(...).and(checks);
 * }</pre>
 *
 * <p>The naive model's values: accuracy = the majority share p; macro precision p/k, macro recall
 * 1/k, macro F1 (2p/(1+p))/k for k labelled classes; log loss = the entropy of the class shares;
 * ROC AUC 0.5; PR AUC the positive class's share (binary) or 1/k (the one-vs-rest mean); RMSE the
 * labels' standard deviation; R² 0.
 */
public final class NaiveBaseline {

  /** {@link ThresholdCheck#kind()} of the comparison with the naive model. */
  public static final String NAIVE_BASELINE = "naiveBaseline";

  /** {@link ThresholdCheck#kind()} of the every-class check. */
  public static final String EVERY_CLASS = "everyClassPredicted";

  /** The metric name of the every-class check: how many labelled classes are predicted. */
  public static final String PREDICTED_CLASSES = "predictedClasses";

  /** Ties within this are not better. */
  private static final double EPSILON = 1e-9;

  private NaiveBaseline() {}

  /** The checks of the overall slice's metrics; none when disabled or no row was evaluated. */
  public static List<ThresholdCheck> judge(NaiveBaselineCheck check, Metrics overall) {
    List<ThresholdCheck> checks = new ArrayList<>();
    if (!check.enabled() || overall == null || overall.examples() == 0) {
      return checks;
    }
    Task task = overall instanceof RegressionMetrics ? Task.REGRESSION : Task.CLASSIFICATION;
    String metric = check.metricFor(task);
    Map<String, Double> naive = valuesOf(overall);
    checks.add(better(metric, overall.byName().get(metric), naive.get(metric), describe(overall)));
    if (overall instanceof ClassificationMetrics classification) {
      checks.add(everyClassPredicted(classification));
    }
    return checks;
  }

  /** The naive model's metrics on the same rows, by name. */
  public static Map<String, Double> valuesOf(Metrics metrics) {
    Map<String, Double> values = new LinkedHashMap<>();
    if (metrics instanceof RegressionMetrics regression) {
      values.put("rmse", regression.labelStdDev());
      values.put("r2", 0.0);
      return values;
    }
    ClassificationMetrics m = (ClassificationMetrics) metrics;
    Map<String, Long> supports = supports(m);
    double n = m.examples();
    int k = supports.size();
    double p = supports.get(majority(supports)) / n;
    double entropy = 0;
    for (long support : supports.values()) {
      entropy -= support / n * Math.log(support / n);
    }
    values.put("accuracy", p);
    values.put("macroPrecision", p / k);
    values.put("macroRecall", 1.0 / k);
    values.put("macroF1", 2 * p / (1 + p) / k);
    values.put("logLoss", entropy);
    values.put("rocAuc", 0.5);
    String positive = m.positiveClass();
    values.put("prAuc", positive != null && k == 2 ? supports.getOrDefault(positive, 0L) / n : 1.0 / k);
    return values;
  }

  private static ThresholdCheck better(String metric, Double value, Double naive, String naiveModel) {
    Direction direction = Direction.defaultFor(metric);
    String bound = "better than the naive baseline's " + Numbers.format(naive) + " (" + direction.words() + ")";
    String where = metric + " on " + SliceKey.OVERALL_TEXT;
    if (value == null) {
      return new ThresholdCheck(NAIVE_BASELINE, metric, SliceKey.OVERALL_TEXT, null, naive, bound, false,
          where + " could not be computed (no probabilities?), so it cannot be shown to beat " + naiveModel
              + ": choose another naiveBaseline metric");
    }
    boolean passed =
        direction == Direction.HIGHER_IS_BETTER ? value > naive + EPSILON : value < naive - EPSILON;
    String message = passed
        ? where + " is " + Numbers.format(value) + ", better than the naive baseline's " + Numbers.format(naive)
            + " (" + naiveModel + ")"
        : where + " is " + Numbers.format(value) + ", no better than the naive baseline's " + Numbers.format(naive)
            + " (" + naiveModel + "): the model is no better than a constant guess; try classWeights: balanced or a"
            + " decisionThreshold in the trainer config, or better features (naiveBaseline: false turns this check off)";
    return new ThresholdCheck(NAIVE_BASELINE, metric, SliceKey.OVERALL_TEXT, value, naive, bound, passed, message);
  }

  private static ThresholdCheck everyClassPredicted(ClassificationMetrics m) {
    Map<String, Long> supports = supports(m);
    Map<String, Long> predicted = new LinkedHashMap<>();
    m.confusion().values().forEach(row -> row.forEach((c, count) -> predicted.merge(c, count, Long::sum)));
    List<String> never = supports.keySet().stream().filter(c -> predicted.getOrDefault(c, 0L) == 0).toList();
    String bound = "every class of the labels is predicted at least once";
    long predictedClasses = supports.size() - never.size();
    if (never.isEmpty()) {
      return new ThresholdCheck(EVERY_CLASS, PREDICTED_CLASSES, SliceKey.OVERALL_TEXT, (double) predictedClasses,
          (double) supports.size(), bound, true, "the model predicts each of the " + supports.size() + " classes of the labels");
    }
    List<String> named = new ArrayList<>();
    never.forEach(c -> named.add("'" + c + "' (" + supports.get(c) + " of " + m.examples() + " rows)"));
    return new ThresholdCheck(EVERY_CLASS, PREDICTED_CLASSES, SliceKey.OVERALL_TEXT, (double) predictedClasses,
        (double) supports.size(), bound, false,
        "the model never predicts class " + String.join(", ", named) + ": try classWeights: balanced"
            + (supports.size() == 2 ? " or a decisionThreshold" : "")
            + " in the trainer config (naiveBaseline: false turns this check off)");
  }

  /** Rows per labelled class, for the classes that have rows. */
  private static Map<String, Long> supports(ClassificationMetrics m) {
    Map<String, Long> supports = new LinkedHashMap<>();
    for (Map.Entry<String, ClassMetrics> entry : m.perClass().entrySet()) {
      if (entry.getValue().support() > 0) {
        supports.put(entry.getKey(), entry.getValue().support());
      }
    }
    return supports;
  }

  /** The class with the most rows; the first in sorted order among ties. */
  private static String majority(Map<String, Long> supports) {
    String best = null;
    for (Map.Entry<String, Long> entry : supports.entrySet()) {
      if (best == null || entry.getValue() > supports.get(best)) {
        best = entry.getKey();
      }
    }
    return best;
  }

  private static String describe(Metrics metrics) {
    if (metrics instanceof RegressionMetrics) {
      return "always predicting the labels' mean";
    }
    Map<String, Long> supports = supports((ClassificationMetrics) metrics);
    String majority = majority(supports);
    return "always predicting '" + majority + "', " + Numbers.format(100.0 * supports.get(majority) / metrics.examples())
        + "% of the rows";
  }

}
