package io.tributary.transforms.transform;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * {@code {"op":"missingIndicator"}}: 1 when the input is missing (null, NaN or infinite), else 0. It must be
 * the first step, since later steps may fill the missing value in; pair it with a second feature
 * that imputes the same column.
 */
@JsonTypeName("missingIndicator")
public record MissingIndicator() implements Step {

  @Override
  public ValueKind outputKind(ValueKind input) {
    return ValueKind.INTEGER;
  }

  @Override
  public boolean handlesMissing() {
    return true;
  }

  @Override
  public Mapper bind(Constants constants) {
    return (value, events) -> value == null ? 1L : 0L;
  }
}
