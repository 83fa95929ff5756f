package io.tributary.transforms.transform;

import com.fasterxml.jackson.annotation.JsonTypeName;

/** Shared wording of step errors, so every message says what the step needs. */
final class StepChecks {

  private StepChecks() {}

  /** The {@code "op"} name of a step, as written in JSON. */
  static String opName(Step step) {
    return step.getClass().getAnnotation(JsonTypeName.class).value();
  }

  /** A kind mismatch: what the step needs, what it got and how to fix it. */
  static IllegalArgumentException needs(Step step, String needed, ValueKind got, String fix) {
    return new IllegalArgumentException(opName(step) + " needs " + needed + " but receives " + got + ": " + fix);
  }

  static double finite(Double value, String what) {
    if (value == null || !Double.isFinite(value)) {
      throw new IllegalArgumentException(what + " must be a finite number, got " + value);
    }
    return value;
  }
}
