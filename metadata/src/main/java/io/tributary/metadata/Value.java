package io.tributary.metadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;

/**
 * A typed property value: an {@code int} (64-bit), a {@code double}, a string or a JSON document.
 *
 * <pre>{@code
 * artifact.withProperty("span", Value.of(3))
 *         .withProperty("accuracy", Value.of(0.97))
 *         .withCustomProperty("config", Value.json("{\"epochs\": 5}"));
 * }</pre>
 *
 * <p>Strings are data, never SQL: any text, quotes and semicolons included, is stored verbatim.
 * JSON values must parse, so a reader can rely on them.
 */
public record Value(PropertyType type, Object raw) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public Value {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(raw, "value must not be null: leave the property out instead");
    boolean fits =
        switch (type) {
          case INT -> raw instanceof Long;
          case DOUBLE -> raw instanceof Double;
          case STRING, JSON -> raw instanceof String;
        };
    if (!fits) {
      throw new IllegalArgumentException(
          type + " value expected, got " + raw.getClass().getSimpleName() + ": use Value.of(...)");
    }
    if (type == PropertyType.JSON) {
      try {
        JSON.readTree((String) raw);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(
            "not valid JSON: " + e.getOriginalMessage() + " (use Value.of(String) for plain text)");
      }
    }
  }

  public static Value of(long value) {
    return new Value(PropertyType.INT, value);
  }

  public static Value of(double value) {
    return new Value(PropertyType.DOUBLE, value);
  }

  public static Value of(String value) {
    return new Value(PropertyType.STRING, value);
  }

  /** A JSON document; fails with the parser's message if {@code json} does not parse. */
  public static Value json(String json) {
    return new Value(PropertyType.JSON, json);
  }

  /** The integer value; fails if this is not an {@link PropertyType#INT}. */
  public long asLong() {
    return (Long) require(PropertyType.INT);
  }

  /** The double value; integers widen, other types fail. */
  public double asDouble() {
    return type == PropertyType.INT ? (Long) raw : (Double) require(PropertyType.DOUBLE);
  }

  /** The text of a string or JSON value; numbers are rendered in decimal. */
  public String asString() {
    return raw.toString();
  }

  private Object require(PropertyType wanted) {
    if (type != wanted) {
      throw new IllegalStateException("property is " + type + ", not " + wanted);
    }
    return raw;
  }

  @Override
  public String toString() {
    return type == PropertyType.STRING ? '"' + (String) raw + '"' : raw.toString();
  }
}
