package io.tributary.transforms.evaluate;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Regression metrics of one slice. With no labelled rows every value is 0.
 *
 * @param examples labelled rows evaluated
 * @param unlabelled rows skipped because their label was missing
 * @param rmse root mean squared error
 * @param mae mean absolute error
 * @param r2 1 - (squared error) / (squared deviation of the labels from their mean); 0 when the
 *     labels are all equal
 * @param labelStdDev the labels' standard deviation (population): the RMSE of always predicting
 *     their mean, the naive baseline a model must beat
 */
public record RegressionMetrics(long examples, long unlabelled, double rmse, double mae, double r2, double labelStdDev)
    implements Metrics, Serializable {

  /** The metric names, in {@link #byName()}'s order. */
  public static final List<String> NAMES = List.of("examples", "rmse", "mae", "r2");

  @Override
  public Map<String, Double> byName() {
    Map<String, Double> values = new LinkedHashMap<>();
    values.put("examples", (double) examples);
    values.put("rmse", rmse);
    values.put("mae", mae);
    values.put("r2", r2);
    return values;
  }
}
