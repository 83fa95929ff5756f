package io.tributary.transforms.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.beam.sdk.schemas.Schema;

/**
 * A feature checked against the input schema: the kind of value entering each step, the output
 * field, and which fitted step may be analyzed in the single pass. Built before any data is read,
 * so every configuration error surfaces here with the feature's name.
 */
final class FeaturePlan {

  private final FeatureSpec feature;
  private final List<ValueKind> kindsIn;
  private final ValueKind outputKind;
  private final boolean nullable;

  private FeaturePlan(FeatureSpec feature, List<ValueKind> kindsIn, ValueKind outputKind, boolean nullable) {
    this.feature = feature;
    this.kindsIn = kindsIn;
    this.outputKind = outputKind;
    this.nullable = nullable;
  }

  static FeaturePlan of(FeatureSpec feature, Schema input) {
    try {
      return plan(feature, input);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("feature '" + feature.name() + "': " + e.getMessage(), e);
    }
  }

  private static FeaturePlan plan(FeatureSpec feature, Schema input) {
    List<ValueKind> inputKinds = new ArrayList<>();
    boolean nullable = false;
    for (String column : feature.inputs()) {
      Schema.Field field = input.getField(column);
      inputKinds.add(ValueKind.ofColumn(field));
      nullable |= field.getType().getNullable();
    }
    List<Step> steps = feature.steps();
    List<ValueKind> kindsIn = new ArrayList<>();
    ValueKind kind;
    int first;
    if (steps.get(0) instanceof Cross) {
      if (inputKinds.size() < 2) {
        throw new IllegalArgumentException("cross needs two or more inputs, got " + feature.inputs());
      }
      kindsIn.add(ValueKind.STRING);
      kind = Cross.outputKind(inputKinds);
      first = 1;
    } else {
      kind = inputKinds.get(0);
      first = 0;
    }
    String fittedBefore = null;
    for (int i = first; i < steps.size(); i++) {
      Step step = steps.get(i);
      if (step instanceof MissingIndicator && i > 0) {
        throw new IllegalArgumentException("missingIndicator must be the first step: later ones may fill values in");
      }
      if (step instanceof Cross) {
        throw new IllegalArgumentException("cross must be the first step");
      }
      kindsIn.add(kind);
      kind = step.outputKind(kind);
      if (step.analyzer(kindsIn.get(i)) != null) {
        if (fittedBefore != null) {
          throw new IllegalArgumentException(
              StepChecks.opName(step) + " is fitted on the output of the fitted step " + fittedBefore
                  + ", which one pass over the data cannot do: fit it on the raw column, or use fixed settings");
        }
        // Analyzers skip impute steps (they see observed values), so a fitted impute may come first.
        fittedBefore = step instanceof Impute ? null : StepChecks.opName(step);
      }
      nullable &= !step.handlesMissing();
    }
    return new FeaturePlan(feature, List.copyOf(kindsIn), kind, nullable);
  }

  /**
   * The value entering the first step: the column value (NaN as missing), or for several inputs
   * the list of their values, missing when any is missing.
   */
  Object readInput(Function<String, Object> column) {
    List<String> inputs = feature.inputs();
    if (inputs.size() == 1) {
      return ValueKind.fromColumn(column.apply(inputs.get(0)));
    }
    List<Object> values = new ArrayList<>(inputs.size());
    for (String input : inputs) {
      Object value = ValueKind.fromColumn(column.apply(input));
      if (value == null) {
        return null;
      }
      values.add(value);
    }
    return values;
  }

  FeatureSpec feature() {
    return feature;
  }

  /** The kind entering step {@code i}. */
  ValueKind kindIn(int i) {
    return kindsIn.get(i);
  }

  Schema.Field outputField() {
    return Schema.Field.of(feature.name(), outputKind.fieldType().withNullable(nullable));
  }
}
