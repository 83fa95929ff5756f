package io.tributary.transforms.transform;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/**
 * {@code {"op":"cross"}}: the first step of a feature with two or more category inputs; joins
 * their values, in the order of {@code inputs}, with {@value #SEPARATOR} ({@code Adelie_X_Biscoe}).
 * Follow it with {@code vocabulary} or {@code hash}. Missing when any input is missing.
 */
@JsonTypeName("cross")
public record Cross() implements Step {

  public static final String SEPARATOR = "_X_";

  /** Checks the kinds of the inputs; a cross is always a string. */
  static ValueKind outputKind(List<ValueKind> inputs) {
    for (ValueKind kind : inputs) {
      if (!kind.isCategorical()) {
        throw StepChecks.needs(new Cross(), "categories (string, boolean or integer)", kind, "bucketize numbers first");
      }
    }
    return ValueKind.STRING;
  }

  @Override
  public ValueKind outputKind(ValueKind input) {
    throw new IllegalArgumentException("cross must be the first step of a feature with two or more inputs");
  }

  @Override
  public Mapper bind(Constants constants) {
    return (value, events) -> {
      StringBuilder joined = new StringBuilder();
      List<?> parts = (List<?>) value;
      for (int i = 0; i < parts.size(); i++) {
        joined.append(i == 0 ? "" : SEPARATOR).append(ValueKind.asText(parts.get(i)));
      }
      return joined.toString();
    };
  }
}
