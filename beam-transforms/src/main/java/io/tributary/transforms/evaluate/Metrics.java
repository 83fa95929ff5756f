package io.tributary.transforms.evaluate;

import java.util.Map;

/**
 * The metrics of one slice, of either task. {@link #byName()} is the flat view thresholds and
 * reports use: metric name to value, e.g. {@code accuracy}, {@code macroF1}, {@code
 * precision[Adelie]}, {@code rmse}.
 */
public sealed interface Metrics permits ClassificationMetrics, RegressionMetrics {

  /** Labelled rows evaluated. */
  long examples();

  /** Rows skipped because their label was missing. */
  long unlabelled();

  /**
   * Every metric that could be computed, by name, in a fixed order; one that could not (log loss
   * without probabilities, an AUC with no negative rows) is absent.
   */
  Map<String, Double> byName();

  /** The name of metric {@code metric} of one class, e.g. {@code recall[Gentoo]}. */
  static String perClass(String metric, String className) {
    return metric + "[" + className + "]";
  }
}
