package io.tributary.transforms.evaluate.blessing;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * How much a metric may change against the baseline model: {@code diff = candidate - baseline}.
 * With {@link Direction#HIGHER_IS_BETTER} the candidate passes when {@code diff >= absolute} and
 * {@code diff / |baseline| >= relative}; with {@link Direction#LOWER_IS_BETTER} when {@code diff <=
 * absolute} and {@code diff / |baseline| <= relative} (the conventions of TFX's {@code
 * GenericChangeThreshold}). So {@code absolute: 0} means "at least as good as the baseline",
 * {@code absolute: -0.01} (higher is better) "at most 0.01 worse", and {@code relative: 0.05}
 * (higher is better) "at least 5% better".
 *
 * <pre>{@code
 * ChangeThreshold.absolute(Direction.HIGHER_IS_BETTER, -0.01)
 * ChangeThreshold.relative(Direction.LOWER_IS_BETTER, 0.1)     // log loss may rise by 10%
 * }</pre>
 *
 * @param direction which way the metric improves; null: {@link Direction#defaultFor the metric's}
 * @param absolute the bound on the difference, or null
 * @param relative the bound on the difference relative to the baseline's value, or null
 */
@JsonPropertyOrder({"direction", "absolute", "relative"})
public record ChangeThreshold(Direction direction, Double absolute, Double relative) {

  public ChangeThreshold {
    if (absolute == null && relative == null) {
      throw new IllegalArgumentException("a change threshold needs 'absolute' or 'relative' (or both)");
    }
    requireFinite(absolute, "absolute");
    requireFinite(relative, "relative");
  }

  public static ChangeThreshold absolute(Direction direction, double bound) {
    return new ChangeThreshold(direction, bound, null);
  }

  public static ChangeThreshold relative(Direction direction, double bound) {
    return new ChangeThreshold(direction, null, bound);
  }

  static void requireFinite(Double value, String name) {
    if (value != null && !Double.isFinite(value)) {
      throw new IllegalArgumentException("'" + name + "' is " + value + ": give a finite number");
    }
  }
}
