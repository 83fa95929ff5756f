package io.tributary.transforms.evaluate.blessing;

import io.tributary.transforms.evaluate.ClassificationMetrics;
import io.tributary.transforms.evaluate.RegressionMetrics;
import io.tributary.transforms.model.Task;
import io.tributary.transforms.transform.DidYouMean;
import java.util.ArrayList;
import java.util.List;

/**
 * The metric names a threshold may use, taken from the metrics themselves ({@link
 * ClassificationMetrics#NAMES}, {@link ClassificationMetrics#PER_CLASS_NAMES} as {@code
 * name[class]}, {@link RegressionMetrics#NAMES}), so a metric added there is accepted here. A name
 * is checked against every task when a config is read, and against the model's task once known.
 */
public final class MetricNames {

  private MetricNames() {}

  /**
   * Fails unless {@code metric} is a metric of {@code task} (of any task when null), naming the
   * closest one and the valid ones.
   */
  public static void check(String metric, Task task) {
    boolean classification = task != Task.REGRESSION && isClassification(metric);
    boolean regression = task != Task.CLASSIFICATION && RegressionMetrics.NAMES.contains(metric);
    if (classification || regression) {
      return;
    }
    List<String> known = new ArrayList<>();
    if (task != Task.REGRESSION) {
      known.addAll(ClassificationMetrics.NAMES);
    }
    if (task != Task.CLASSIFICATION) {
      RegressionMetrics.NAMES.stream().filter(name -> !known.contains(name)).forEach(known::add);
    }
    String perClass = task == Task.REGRESSION ? ""
        : " or name[class] with name one of " + ClassificationMetrics.PER_CLASS_NAMES;
    throw new IllegalArgumentException("unknown " + (task == null ? "" : task.id() + " ") + "metric '" + metric
        + "' in a threshold" + DidYouMean.suffix(metric, known) + " (metrics: " + known + perClass + ")");
  }

  private static boolean isClassification(String metric) {
    int bracket = metric.indexOf('[');
    if (bracket > 0 && metric.endsWith("]") && bracket < metric.length() - 2) {
      return ClassificationMetrics.PER_CLASS_NAMES.contains(metric.substring(0, bracket));
    }
    return ClassificationMetrics.NAMES.contains(metric);
  }
}
