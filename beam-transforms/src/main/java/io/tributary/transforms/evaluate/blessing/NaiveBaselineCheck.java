package io.tributary.transforms.evaluate.blessing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.transforms.evaluate.ClassificationMetrics;
import io.tributary.transforms.evaluate.RegressionMetrics;
import io.tributary.transforms.model.Task;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code naiveBaseline} section of an evaluation config: whether the Evaluator refuses a model
 * that does no better than a naive one, and on which metric ({@link NaiveBaseline} says what is
 * checked). On by default.
 *
 * <pre>
 * naiveBaseline: {metric: rocAuc}     # judge on ROC AUC instead of macroRecall
 * naiveBaseline: false                # turn the check off (also {enabled: false})
 * </pre>
 *
 * @param enabled whether the checks run; default true
 * @param metric the metric compared with the naive model's; default {@code macroRecall}
 *     (balanced accuracy) for classification, {@code rmse} for regression. One of {@link #METRICS}
 */
@JsonPropertyOrder({"enabled", "metric"})
public record NaiveBaselineCheck(Boolean enabled, String metric) {

  /**
   * The metrics a naive model's value is known for: the whole-slice metrics of both tasks but
   * {@code examples} and {@code mae} (the mean's MAE would need a second pass over the rows).
   */
  public static final List<String> METRICS =
      Stream.concat(ClassificationMetrics.NAMES.stream(), RegressionMetrics.NAMES.stream())
          .filter(name -> !name.equals("examples") && !name.equals("mae"))
          .toList();

  /** The default: on, on macroRecall or rmse. */
  public static final NaiveBaselineCheck DEFAULT = new NaiveBaselineCheck(true, null);

  public NaiveBaselineCheck {
    enabled = enabled == null || enabled;
    if (metric != null && !METRICS.contains(metric)) {
      throw new IllegalArgumentException(
          "naiveBaseline metric '" + metric + "' is not one a naive model's value is known for: use one of " + METRICS);
    }
  }

  /** Reads {@code true}/{@code false} or {@code {enabled: .., metric: ..}}. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static NaiveBaselineCheck fromJson(JsonNode node) {
    if (node.isBoolean()) {
      return new NaiveBaselineCheck(node.booleanValue(), null);
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("naiveBaseline is true, false or {enabled: .., metric: ..}, not " + node);
    }
    node.fieldNames().forEachRemaining(name -> {
      if (!name.equals("enabled") && !name.equals("metric")) {
        throw new IllegalArgumentException("unknown naiveBaseline field '" + name + "': use enabled and metric");
      }
    });
    JsonNode enabled = node.get("enabled");
    if (enabled != null && !enabled.isBoolean()) {
      throw new IllegalArgumentException("naiveBaseline enabled is '" + enabled.asText() + "': write true or false");
    }
    return new NaiveBaselineCheck(
        enabled == null ? null : enabled.booleanValue(), node.hasNonNull("metric") ? node.get("metric").asText() : null);
  }

  /** The metric compared for {@code task}: the configured one, else macroRecall or rmse. */
  public String metricFor(Task task) {
    if (metric != null) {
      return metric;
    }
    return task == Task.REGRESSION ? "rmse" : "macroRecall";
  }

  /** Fails unless the metric belongs to {@code task}. */
  void check(Task task) {
    String chosen = metricFor(task);
    boolean regression = RegressionMetrics.NAMES.contains(chosen);
    if (regression != (task == Task.REGRESSION)) {
      throw new IllegalArgumentException(
          "naiveBaseline metric '" + chosen + "' is not a " + task.id() + " metric: use one of "
              + METRICS.stream().filter(name -> RegressionMetrics.NAMES.contains(name) == (task == Task.REGRESSION)).toList());
    }
  }
}
