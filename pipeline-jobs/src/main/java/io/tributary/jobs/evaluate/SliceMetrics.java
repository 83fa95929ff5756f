package io.tributary.jobs.evaluate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.tributary.transforms.evaluate.ClassificationMetrics;
import io.tributary.transforms.evaluate.Metrics;
import io.tributary.transforms.evaluate.RegressionMetrics;
import io.tributary.transforms.evaluate.SliceKey;
import java.util.List;

/**
 * One slice's metrics in {@code metrics.json}: the slice's text, columns and values, and the
 * metrics of the model's task (exactly one of {@code classification} and {@code regression}).
 */
@JsonPropertyOrder({"slice", "columns", "values", "classification", "regression"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SliceMetrics(
    String slice, List<String> columns, List<String> values, ClassificationMetrics classification,
    RegressionMetrics regression) {

  public static SliceMetrics of(SliceKey key, Metrics metrics) {
    return new SliceMetrics(
        key.text(), key.columns(), key.values(),
        metrics instanceof ClassificationMetrics c ? c : null,
        metrics instanceof RegressionMetrics r ? r : null);
  }

  public SliceKey key() {
    return new SliceKey(columns, values);
  }

  /** The metrics of whichever task this slice was evaluated for. */
  public Metrics metrics() {
    return classification != null ? classification : regression;
  }
}
