package io.tributary.jobs.tune;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Set;

/**
 * Whether the tuned metric is better high ({@code maximize}: accuracy, macroF1, r2) or low
 * ({@code minimize}: rmse, mae). The metrics are those of the Trainer's evaluation of the eval
 * split ({@link io.tributary.transforms.train.Evaluation}). The words are a tuner's, as in TFX;
 * which way a metric improves is the Evaluator's knowledge ({@link
 * io.tributary.transforms.evaluate.blessing.Direction#defaultFor}), so the two cannot disagree.
 */
public enum Direction {
  MAXIMIZE,
  MINIMIZE;

  /** Every metric the trainer's evaluation reports. */
  private static final Set<String> METRICS = Set.of("accuracy", "macroF1", "r2", "rmse", "mae");

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
          "unknown metric '" + metric + "': use accuracy or macroF1 (classification), rmse, mae or r2 (regression)"
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
