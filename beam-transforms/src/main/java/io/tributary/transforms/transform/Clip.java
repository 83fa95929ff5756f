package io.tributary.transforms.transform;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.tributary.transforms.transform.Tally.Event;

/**
 * {@code {"op":"clip","min":0,"max":1}}: clamps numbers into {@code [min, max]}; leave out a bound
 * for none. Each clamped value is counted as {@link Event#OUT_OF_RANGE}.
 */
@JsonTypeName("clip")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Clip(Double min, Double max) implements Step {

  public Clip {
    if (min == null && max == null) {
      throw new IllegalArgumentException("clip needs a min, a max or both");
    }
    if (min != null) {
      StepChecks.finite(min, "clip min");
    }
    if (max != null) {
      StepChecks.finite(max, "clip max");
    }
    if (min != null && max != null && min > max) {
      throw new IllegalArgumentException("clip min " + min + " is above max " + max + ": swap them");
    }
  }

  @Override
  public ValueKind outputKind(ValueKind input) {
    if (!input.isNumeric()) {
      throw StepChecks.needs(this, "a number", input, "clip numeric columns only");
    }
    return ValueKind.NUMBER;
  }

  @Override
  public Mapper bind(Constants constants) {
    double lo = min == null ? Double.NEGATIVE_INFINITY : min;
    double hi = max == null ? Double.POSITIVE_INFINITY : max;
    return (value, events) -> {
      double x = ValueKind.asNumber(value);
      if (x < lo || x > hi) {
        events.accept(Event.OUT_OF_RANGE);
        return x < lo ? lo : hi;
      }
      return x;
    };
  }
}
