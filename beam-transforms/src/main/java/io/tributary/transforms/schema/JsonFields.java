package io.tributary.transforms.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Typed, strict access to the fields of one JSON object, for the readers of hand-editable files
 * ({@link SchemaJson}, {@code AnomaliesJson}). Every error names the path of the field ({@code
 * features[2].minFraction}) and what to write instead; unknown fields are rejected so that a typo
 * in a hand-edited file does not silently drop a setting.
 */
public final class JsonFields {
  private final JsonNode node;
  private final String where;

  private JsonFields(JsonNode node, String where) {
    this.node = node;
    this.where = where;
  }

  /**
   * The object {@code node}, found at {@code where}, which may only have the {@code known} fields.
   *
   * @throws IllegalArgumentException if it is not an object or has another field
   */
  public static JsonFields of(JsonNode node, String where, Set<String> known) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(where + " must be a JSON object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new IllegalArgumentException(
            where + ": unknown field '" + name + "'; the known fields are " + new TreeSet<>(known));
      }
    }
    return new JsonFields(node, where);
  }

  /** The path of this object, for messages. */
  public String where() {
    return where;
  }

  /** An error about {@code field} of this object. */
  public IllegalArgumentException invalid(String field, String problem) {
    return new IllegalArgumentException(where + "." + field + ": " + problem);
  }

  public boolean has(String field) {
    return node.has(field) && !node.get(field).isNull();
  }

  private JsonNode required(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw invalid(field, "missing; it is required");
    }
    return value;
  }

  public long longValue(String field) {
    JsonNode value = required(field);
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw invalid(field, "must be a whole number, not " + value);
    }
    return value.longValue();
  }

  public int intValue(String field) {
    long value = longValue(field);
    if (value != (int) value) {
      throw invalid(field, "is too large: " + value);
    }
    return (int) value;
  }

  /** The number in {@code field}, or {@code absent} when the field is missing or null. */
  public double doubleOr(String field, double absent) {
    if (!has(field)) {
      return absent;
    }
    JsonNode value = node.get(field);
    if (!value.isNumber()) {
      throw invalid(field, "must be a number or null, not " + value);
    }
    return value.doubleValue();
  }

  public boolean booleanOr(String field, boolean absent) {
    if (!has(field)) {
      return absent;
    }
    JsonNode value = node.get(field);
    if (!value.isBoolean()) {
      throw invalid(field, "must be true or false, not " + value);
    }
    return value.booleanValue();
  }

  public String string(String field) {
    String value = stringOrNull(field);
    if (value == null) {
      throw invalid(field, "missing; it is required");
    }
    return value;
  }

  public @Nullable String stringOrNull(String field) {
    if (!has(field)) {
      return null;
    }
    JsonNode value = node.get(field);
    if (!value.isTextual()) {
      throw invalid(field, "must be a string, not " + value);
    }
    return value.textValue();
  }

  /** The strings of an array field; {@code null} when the field is missing or null. */
  public @Nullable List<String> stringsOrNull(String field) {
    if (!has(field)) {
      return null;
    }
    List<String> result = new ArrayList<>();
    for (JsonNode element : array(field)) {
      if (!element.isTextual()) {
        throw invalid(field, "must hold strings only, not " + element);
      }
      result.add(element.textValue());
    }
    return result;
  }

  /** The elements of an array field, which must exist. */
  public List<JsonNode> array(String field) {
    JsonNode value = required(field);
    if (!value.isArray()) {
      throw invalid(field, "must be an array");
    }
    List<JsonNode> elements = new ArrayList<>();
    value.forEach(elements::add);
    return elements;
  }

  /** The object in {@code field}, which may only have the {@code known} fields. */
  public JsonFields object(String field, Set<String> known) {
    return of(required(field), where + "." + field, known);
  }

  /** The raw node of a field that exists; {@code null} when missing or null. */
  public @Nullable JsonNode node(String field) {
    return has(field) ? node.get(field) : null;
  }
}
