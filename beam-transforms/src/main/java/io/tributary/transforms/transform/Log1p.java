package io.tributary.transforms.transform;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * {@code {"op":"log1p"}}: {@code sign(x) * log(1 + |x|)}. Equal to {@code log1p} on non-negative
 * values (counts, prices), and defined on negative ones too, so it never yields NaN.
 */
@JsonTypeName("log1p")
public record Log1p() implements Step {

  @Override
  public ValueKind outputKind(ValueKind input) {
    if (!input.isNumeric()) {
      throw StepChecks.needs(this, "a number", input, "take the logarithm of numeric columns only");
    }
    return ValueKind.NUMBER;
  }

  @Override
  public Mapper bind(Constants constants) {
    return (value, events) -> {
      double x = ValueKind.asNumber(value);
      return Math.copySign(Math.log1p(Math.abs(x)), x);
    };
  }
}
