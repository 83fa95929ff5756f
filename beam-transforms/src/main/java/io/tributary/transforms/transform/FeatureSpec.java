package io.tributary.transforms.transform;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One output feature: its name, the input column(s) it reads and the steps applied in order.
 *
 * <pre>{@code
 * {"name": "bill_length_z", "inputs": ["bill_length_mm"], "steps": [{"op": "impute", "strategy": "mean"}, {"op": "zScore"}]}
 * }</pre>
 *
 * <p>The name must be a valid Avro field name (letters, digits, underscores, not starting with a
 * digit), since the output schema is written as Avro. A feature with two or more inputs starts
 * with {@code cross}.
 */
public record FeatureSpec(String name, List<String> inputs, List<Step> steps) implements Serializable {

  private static final Pattern AVRO_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  public FeatureSpec {
    checkName(name, "feature name");
    if (inputs == null || inputs.isEmpty()) {
      throw new IllegalArgumentException("feature '" + name + "' has no inputs: name the column(s) it reads");
    }
    inputs = List.copyOf(inputs);
    if (new HashSet<>(inputs).size() != inputs.size()) {
      throw new IllegalArgumentException("feature '" + name + "' reads a column twice: " + inputs);
    }
    for (String input : inputs) {
      if (input.isBlank()) {
        throw new IllegalArgumentException("feature '" + name + "' has an empty input column name");
      }
    }
    if (steps == null || steps.isEmpty()) {
      throw new IllegalArgumentException(
          "feature '" + name + "' has no steps: add one, or use passThrough(\"" + inputs.get(0) + "\")");
    }
    steps = List.copyOf(steps);
    if (inputs.size() > 1 && !(steps.get(0) instanceof Cross)) {
      throw new IllegalArgumentException(
          "feature '" + name + "' reads " + inputs.size() + " columns: its first step must be cross");
    }
  }

  static void checkName(String name, String what) {
    if (name == null || !AVRO_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          what + " '" + name + "' is not a valid field name: use letters, digits and _, not starting with a digit");
    }
  }
}
