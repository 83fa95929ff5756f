package io.tributary.jobs.tune;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Map;

/**
 * Whether the tuned metric is better high ({@code maximize}: accuracy, macroF1, r2) or low
 * ({@code minimize}: rmse, mae). The metrics are those of the Trainer's evaluation of the eval
 * split ({@link io.tributary.transforms.train.Evaluation}).
 */
public enum Direction {
  MAXIMIZE,
  MINIMIZE;

  /** Every metric the trainer's evaluation reports, with the direction in which it improves. */
  private static final Map<String, Direction> METRICS =
      Map.of("accuracy", MAXIMIZE, "macroF1", MAXIMIZE, "r2", MAXIMIZE, "rmse", MINIMIZE, "mae", MINIMIZE);

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
    Direction direction = METRICS.get(metric);
    if (direction == null) {
      throw new IllegalArgumentException(
          "unknown metric '" + metric + "': use accuracy or macroF1 (classification), rmse, mae or r2 (regression)");
    }
    return direction;
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
