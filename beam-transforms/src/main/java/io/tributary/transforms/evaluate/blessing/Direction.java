package io.tributary.transforms.evaluate.blessing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Set;

/**
 * Which way a metric improves, for change thresholds. In config files {@code higher_is_better} or
 * {@code lower_is_better} (any case); when a change threshold leaves it out it is {@link
 * #defaultFor(String) the metric's own}.
 */
public enum Direction {
  HIGHER_IS_BETTER,
  LOWER_IS_BETTER;

  /** Metrics that are errors or losses: a model improves when they fall. */
  private static final Set<String> LOSSES = Set.of("logLoss", "rmse", "mae");

  /** Lower is better for {@code logLoss}, {@code rmse} and {@code mae}; higher for every other metric. */
  public static Direction defaultFor(String metric) {
    int bracket = metric.indexOf('[');
    return LOSSES.contains(bracket < 0 ? metric : metric.substring(0, bracket)) ? LOWER_IS_BETTER : HIGHER_IS_BETTER;
  }

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Direction fromId(String id) {
    for (Direction direction : values()) {
      if (direction.name().equalsIgnoreCase(id)) {
        return direction;
      }
    }
    throw new IllegalArgumentException("unknown direction '" + id + "': use higher_is_better or lower_is_better");
  }

  /** "higher is better" or "lower is better", for messages. */
  String words() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
