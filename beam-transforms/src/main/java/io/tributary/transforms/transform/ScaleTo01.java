package io.tributary.transforms.transform;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.tributary.transforms.transform.Tally.Event;

/**
 * {@code {"op":"scaleTo01"}}: {@code (x - min) / (max - min)} with the observed min and max.
 *
 * <p>Values outside the fitted range are counted as {@link Event#OUT_OF_RANGE} and scaled on the
 * same line, so they fall below 0 or above 1; follow with {@code clip(0.0, 1.0)} to bound them.
 * When min equals max (a constant column, or no observed values, fitted as min = max = 0) the
 * result is 0.5 at that value, 0 below and 1 above.
 */
@JsonTypeName("scaleTo01")
public record ScaleTo01() implements Step {

  @Override
  public ValueKind outputKind(ValueKind input) {
    if (!input.isNumeric()) {
      throw StepChecks.needs(this, "a number", input, "scale only numeric columns");
    }
    return ValueKind.NUMBER;
  }

  @Override
  public AnalyzerFn<?, ?, ?> analyzer(ValueKind input) {
    return MinMaxFn.create();
  }

  @Override
  public Constants fit(ValueKind input, Object analyzed, Constants previous) {
    MinMaxFn.Range range = (MinMaxFn.Range) analyzed;
    return range.count() == 0 ? Constants.range(0, 0.0, 0.0) : Constants.range(range.count(), range.min(), range.max());
  }

  @Override
  public Mapper bind(Constants constants) {
    double min = constants.min();
    double max = constants.max();
    return (value, events) -> {
      double x = ValueKind.asNumber(value);
      if (x < min || x > max) {
        events.accept(Event.OUT_OF_RANGE);
      }
      if (max > min) {
        return (x - min) / (max - min);
      }
      return x < min ? 0.0 : x > max ? 1.0 : 0.5;
    };
  }
}
