package io.tributary.transforms.evaluate;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Classification metrics of one slice. With no labelled rows every ratio is 0.
 *
 * @param examples labelled rows evaluated
 * @param unlabelled rows skipped because their label was missing
 * @param accuracy right predictions / examples
 * @param macroPrecision unweighted mean of the per-class precisions
 * @param macroRecall unweighted mean of the per-class recalls
 * @param macroF1 unweighted mean of the per-class F1 scores
 * @param logLoss mean of -ln(probability of the true class), the probability floored at 1e-15;
 *     null when the rows carry no probabilities
 * @param rocAuc ROC AUC: with two classes, the AUC of {@code positiveClass} (the other class's is
 *     the same up to bucketing); with more, the unweighted mean of the one-vs-rest AUCs that are
 *     defined (one-vs-rest macro average). Null when none is
 * @param prAuc PR AUC (average precision): with two classes, that of {@code positiveClass}; with
 *     more, the unweighted mean of the one-vs-rest ones that are defined. Null when none is
 * @param positiveClass with two scored classes, the one {@code rocAuc} and {@code prAuc} are of:
 *     the model's positive class when it names one, else the second in sorted order (e.g. {@code
 *     true}, {@code 1}, {@code yes}); null otherwise
 * @param classes every class seen as a label or a prediction, sorted
 * @param perClass metrics by class
 * @param confusion label to predicted class to count (only non-zero cells)
 */
public record ClassificationMetrics(
    long examples,
    long unlabelled,
    double accuracy,
    double macroPrecision,
    double macroRecall,
    double macroF1,
    Double logLoss,
    Double rocAuc,
    Double prAuc,
    String positiveClass,
    List<String> classes,
    Map<String, ClassMetrics> perClass,
    Map<String, Map<String, Long>> confusion)
    implements Metrics, Serializable {

  /** The names of the whole-slice metrics, in {@link #byName()}'s order. */
  public static final List<String> NAMES =
      List.of("examples", "accuracy", "macroPrecision", "macroRecall", "macroF1", "logLoss", "rocAuc", "prAuc");

  /** The per-class metric names, written {@code name[class]}. */
  public static final List<String> PER_CLASS_NAMES = List.of("precision", "recall", "f1", "support", "rocAuc", "prAuc");

  @Override
  public Map<String, Double> byName() {
    Map<String, Double> values = new LinkedHashMap<>();
    values.put("examples", (double) examples);
    values.put("accuracy", accuracy);
    values.put("macroPrecision", macroPrecision);
    values.put("macroRecall", macroRecall);
    values.put("macroF1", macroF1);
    putIfKnown(values, "logLoss", logLoss);
    putIfKnown(values, "rocAuc", rocAuc);
    putIfKnown(values, "prAuc", prAuc);
    perClass.forEach((name, m) -> {
      values.put(Metrics.perClass("precision", name), m.precision());
      values.put(Metrics.perClass("recall", name), m.recall());
      values.put(Metrics.perClass("f1", name), m.f1());
      values.put(Metrics.perClass("support", name), (double) m.support());
      putIfKnown(values, Metrics.perClass("rocAuc", name), m.rocAuc());
      putIfKnown(values, Metrics.perClass("prAuc", name), m.prAuc());
    });
    return values;
  }

  private static void putIfKnown(Map<String, Double> values, String name, Double value) {
    if (value != null) {
      values.put(name, value);
    }
  }
}
