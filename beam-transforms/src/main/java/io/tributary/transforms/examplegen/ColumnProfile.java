package io.tributary.transforms.examplegen;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.beam.sdk.schemas.Schema;

/**
 * What the values of one column, seen during inference, allow its type to be.
 *
 * <p>The narrowest type that every non-missing value fits wins, in the order boolean, long, double,
 * string. A column with no values at all is a nullable string.
 */
final class ColumnProfile {

  private boolean anyValue;
  private boolean anyMissing;
  private boolean allBoolean = true;
  private boolean allLong = true;
  private boolean allDouble = true;

  void missing() {
    anyMissing = true;
  }

  void text(String value) {
    anyValue = true;
    allBoolean &= ValueParser.isBoolean(value);
    allLong &= ValueParser.isLong(value);
    allDouble &= ValueParser.isDouble(value);
  }

  void json(JsonNode value) {
    if (value == null || value.isNull()) {
      anyMissing = true;
      return;
    }
    anyValue = true;
    allBoolean &= value.isBoolean();
    allLong &= value.isIntegralNumber() && value.canConvertToLong();
    allDouble &= value.isNumber();
  }

  Schema.FieldType type(boolean wholeInput) {
    Schema.FieldType type;
    if (!anyValue) {
      type = Schema.FieldType.STRING;
    } else if (allBoolean) {
      type = Schema.FieldType.BOOLEAN;
    } else if (allLong) {
      type = Schema.FieldType.INT64;
    } else if (allDouble) {
      type = Schema.FieldType.DOUBLE;
    } else {
      type = Schema.FieldType.STRING;
    }
    boolean nullable = anyMissing || !anyValue || !wholeInput;
    return type.withNullable(nullable);
  }
}
