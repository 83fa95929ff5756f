package io.tributary.transforms.transform;

import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;

/**
 * The kind of value flowing between the steps of a feature, and how raw column values become one.
 *
 * <p>In a step chain values are held as: {@link #NUMBER} a {@code Double}, {@link #INTEGER} a
 * {@code Long} (integer columns), {@link #STRING} a {@code String} (string and boolean columns),
 * {@link #INDEX} a {@code Long} in {@code [0, size)} or -1 (bucket, vocabulary and hash indexes),
 * {@link #VECTOR} a {@code List<Double>} (one-hot). A missing value is {@code null}; a NaN or infinite
 * input counts as missing.
 */
public enum ValueKind {
  NUMBER(FieldType.DOUBLE),
  INTEGER(FieldType.INT64),
  STRING(FieldType.STRING),
  INDEX(FieldType.INT64),
  VECTOR(FieldType.array(FieldType.DOUBLE));

  private final FieldType fieldType;

  ValueKind(FieldType fieldType) {
    this.fieldType = fieldType;
  }

  /** The Beam type of an output column holding this kind. */
  public FieldType fieldType() {
    return fieldType;
  }

  /** Numbers feed the numeric steps: integers are widened to doubles. */
  public boolean isNumeric() {
    return this == NUMBER || this == INTEGER;
  }

  /** Categories feed vocabulary, hash and cross: strings, and integers written in decimal. */
  public boolean isCategorical() {
    return this == STRING || this == INTEGER || this == INDEX;
  }

  /** The kind of an input column, or an error naming the types that can be transformed. */
  static ValueKind ofColumn(Schema.Field field) {
    switch (field.getType().getTypeName()) {
      case BYTE:
      case INT16:
      case INT32:
      case INT64:
        return INTEGER;
      case FLOAT:
      case DOUBLE:
        return NUMBER;
      case STRING:
      case BOOLEAN:
        return STRING;
      default:
        throw new IllegalArgumentException(
            "column '" + field.getName() + "' is " + field.getType()
                + ", which no step can read: transform only numeric, STRING or BOOLEAN columns,"
                + " or pass it through with passThrough(\"" + field.getName() + "\")");
    }
  }

  /** A raw column value in the form its kind holds; NaN becomes missing. */
  static Object fromColumn(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      // NaN and infinities carry no usable magnitude: fitting on them would poison every statistic.
      return Double.isFinite(d) ? d : null;
    }
    if (value instanceof Number) {
      return ((Number) value).longValue();
    }
    if (value instanceof Boolean) {
      return value.toString();
    }
    return value;
  }

  /** A value of a numeric kind as a double. */
  static double asNumber(Object value) {
    return ((Number) value).doubleValue();
  }

  /** A value as text: integers in decimal, doubles as {@link Double#toString}. */
  static String asText(Object value) {
    return value instanceof Double ? Double.toString((Double) value) : value.toString();
  }
}
