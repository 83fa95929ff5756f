package io.tributary.jobs.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.transforms.examples.ColumnNames;
import io.tributary.transforms.transform.FeatureSpec;
import io.tributary.transforms.transform.TransformFn;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.TypeName;

/**
 * Turns one JSON instance ({@code {"island":"Biscoe","bill_length_mm":41.2,...}}) into the raw
 * record {@link TransformFn#apply(java.util.Map)} takes, checking it against the transform's input
 * columns first so that a mistake is a clear client error, never a silent default.
 *
 * <p>Rules: every column a feature reads must be present (give {@code null} for a missing value;
 * the transform imputes it or the instance fails); a column only passed through (the label) may
 * be left out; keys the transform does not read (ids, the dropped columns of a raw row) are
 * ignored. Numbers must be finite JSON numbers (integral for integer columns), strings JSON
 * strings, booleans JSON booleans. A misspelt key therefore fails as a missing column.
 *
 * <p>A column is given under the name the client knows, the column's original name ({@code
 * "Culmen Length (mm)"}, {@link TransformFn#columnNames()}), or under its field name ({@code
 * "Culmen_Length__mm_"}); errors name it by its original name.
 */
final class InstanceReader {

  private final Schema input;
  private final Set<String> required;
  private final ColumnNames names;

  private InstanceReader(Schema input, Set<String> required, ColumnNames names) {
    this.input = input;
    this.required = required;
    this.names = names;
  }

  static InstanceReader of(TransformFn fn) {
    Set<String> required = new LinkedHashSet<>();
    for (FeatureSpec feature : fn.spec().features()) {
      required.addAll(feature.inputs());
    }
    return new InstanceReader(fn.inputSchema(), Set.copyOf(required), fn.columnNames());
  }

  /** The raw record of one instance; {@link InstanceException} names the column at fault. */
  Map<String, Object> read(JsonNode instance) {
    if (instance == null || !instance.isObject()) {
      throw new InstanceException(
          "is " + kind(instance) + ", not an object of raw features like {\"" + names.original(input.getField(0).getName())
              + "\": ...}");
    }
    Map<String, Object> record = new HashMap<>();
    for (Schema.Field field : input.getFields()) {
      String name = field.getName();
      JsonNode value = instance.get(names.original(name));
      if (value == null) {
        value = instance.get(name);
      }
      if (value == null) {
        if (required.contains(name)) {
          throw new InstanceException(
              "lacks feature " + names.describe(name) + " (" + field.getType().getTypeName()
                  + "): give it, or null for a missing value");
        }
        continue;
      }
      record.put(name, value(field, value));
    }
    return record;
  }

  private Object value(Schema.Field field, JsonNode value) {
    if (value.isNull()) {
      return null;
    }
    TypeName type = field.getType().getTypeName();
    switch (type) {
      case STRING:
        if (value.isTextual()) {
          return value.textValue();
        }
        break;
      case BOOLEAN:
        if (value.isBoolean()) {
          return value.booleanValue();
        }
        break;
      case FLOAT:
      case DOUBLE:
        if (value.isNumber()) {
          double number = value.doubleValue();
          if (!Double.isFinite(number)) {
            throw new InstanceException("has feature " + names.describe(field.getName()) + " beyond the range of " + type
                + ": give a finite number");
          }
          return number;
        }
        break;
      case BYTE:
      case INT16:
      case INT32:
      case INT64:
        if (value.isIntegralNumber() && value.canConvertToLong()) {
          return value.longValue();
        }
        if (value.isFloatingPointNumber() && value.doubleValue() == Math.rint(value.doubleValue())
            && Math.abs(value.doubleValue()) < 0x1p53) {
          return (long) value.doubleValue();
        }
        throw mistyped(field, value, "an integer");
      default:
        throw new InstanceException(
            "has feature " + names.describe(field.getName()) + " of type " + type + ", which cannot be given in JSON");
    }
    throw mistyped(field, value, "a " + expected(type));
  }

  private InstanceException mistyped(Schema.Field field, JsonNode value, String expected) {
    String shown = value.toString();
    if (shown.length() > 40) {
      shown = shown.substring(0, 40) + "...";
    }
    return new InstanceException(
        "has feature " + names.describe(field.getName()) + " = " + shown + " (" + kind(value) + "), but it must be " + expected
            + " (" + field.getType().getTypeName() + ")");
  }

  private static String expected(TypeName type) {
    return switch (type) {
      case STRING -> "string";
      case BOOLEAN -> "boolean";
      default -> "number";
    };
  }

  static String kind(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "missing";
    }
    return node.getNodeType().name().toLowerCase(Locale.ROOT);
  }
}
