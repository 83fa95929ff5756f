package io.tributary.jobs.tune;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.tributary.transforms.evaluate.ClassificationMetrics;
import io.tributary.transforms.evaluate.RegressionMetrics;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Whether the tuned metric is better high ({@code maximize}: accuracy, macroRecall, macroF1, rocAuc,
 * prAuc, r2) or low ({@code minimize}: logLoss, rmse, mae). The metrics are those of the Trainer's
 * evaluation of the eval split ({@link io.tributary.transforms.train.Evaluation}), which are the
 * Evaluator's whole-slice metrics ({@link #METRICS}). The words are a tuner's, as in TFX;
 * which way a metric improves is the Evaluator's knowledge ({@link
 * io.tributary.transforms.evaluate.blessing.Direction#defaultFor}), so the two cannot disagree.
 */
public enum Direction {
  MAXIMIZE,
  MINIMIZE;

  /**
   * Every metric a trial can be ranked by: the Evaluator's whole-slice metrics of both tasks
   * ({@link ClassificationMetrics#NAMES}, {@link RegressionMetrics#NAMES}) but {@code examples}.
   */
  public static final List<String> METRICS =
      Stream.concat(ClassificationMetrics.NAMES.stream(), RegressionMetrics.NAMES.stream())
          .filter(name -> !name.equals("examples"))
          .toList();

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Direction fromId(String id) {
    for (Direction direction : values()) {
      if (direction.id().equalsIgnoreCase(id)) {
        return direction;
      }
    }
    throw new IllegalArgumentException("unknown direction '" + id + "': use maximize or minimize");
  }

  /** The direction in which {@code metric} improves; fails naming the metrics there are. */
  public static Direction of(String metric) {
    if (!METRICS.contains(metric)) {
      throw new IllegalArgumentException(
          "unknown metric '" + metric + "': use one of " + ClassificationMetrics.NAMES.subList(1, ClassificationMetrics.NAMES.size())
              + " (classification) or " + RegressionMetrics.NAMES.subList(1, RegressionMetrics.NAMES.size()) + " (regression)"
              + io.tributary.transforms.transform.DidYouMean.suffix(metric, METRICS));
    }
    return io.tributary.transforms.evaluate.blessing.Direction.defaultFor(metric)
        == io.tributary.transforms.evaluate.blessing.Direction.LOWER_IS_BETTER ? MINIMIZE : MAXIMIZE;
  }

  /** Whether {@code candidate} beats {@code best}; NaN never wins, and a tie keeps {@code best}. */
  public boolean better(double candidate, double best) {
    if (Double.isNaN(candidate)) {
      return false;
    }
    if (Double.isNaN(best)) {
      return true;
    }
    return this == MAXIMIZE ? candidate > best : candidate < best;
  }
}
