package io.tributary.transforms.examplegen;

import java.util.regex.Pattern;
import org.apache.beam.sdk.schemas.Schema;

/**
 * Strict conversion of a text field to a value of a Beam field type.
 *
 * <p>Stricter than {@link Double#parseDouble}, which also accepts {@code "1d"}, {@code "0x1p3"} and
 * surrounding blanks: a value is a number only if a person would read it as one, so inference and
 * parsing agree and odd codes stay strings. Numbers may carry surrounding spaces; strings are kept
 * as they are.
 */
final class ValueParser {

  private static final Pattern LONG = Pattern.compile("[+-]?\\d+");
  private static final Pattern DOUBLE =
      Pattern.compile(
          "[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|[+-]?(NaN|Infinity|inf|Inf|INF|nan)");

  private ValueParser() {}

  /** Whether values of this type can be read from text. */
  static boolean canParse(Schema.TypeName type) {
    switch (type) {
      case STRING:
      case INT64:
      case INT32:
      case DOUBLE:
      case FLOAT:
      case BOOLEAN:
        return true;
      default:
        return false;
    }
  }

  static boolean isLong(String text) {
    String t = text.strip();
    if (!LONG.matcher(t).matches()) {
      return false;
    }
    try {
      Long.parseLong(t);
      return true;
    } catch (NumberFormatException overflow) {
      return false;
    }
  }

  static boolean isDouble(String text) {
    return DOUBLE.matcher(text.strip()).matches();
  }

  static boolean isBoolean(String text) {
    String t = text.strip();
    return t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false");
  }

  /**
   * Parses {@code text} as {@code type}.
   *
   * @throws IllegalArgumentException with a reason fit for a dead letter
   */
  static Object parse(String text, Schema.TypeName type) {
    switch (type) {
      case STRING:
        return text;
      case INT64:
        if (isLong(text)) {
          return Long.parseLong(text.strip());
        }
        throw new IllegalArgumentException("'" + text + "' is not an integer (INT64)");
      case INT32:
        if (isLong(text)) {
          long value = Long.parseLong(text.strip());
          if (value == (int) value) {
            return (int) value;
          }
        }
        throw new IllegalArgumentException("'" + text + "' is not a 32-bit integer (INT32)");
      case DOUBLE:
        if (isDouble(text)) {
          return parseDouble(text.strip());
        }
        throw new IllegalArgumentException("'" + text + "' is not a number (DOUBLE)");
      case FLOAT:
        if (isDouble(text)) {
          return (float) parseDouble(text.strip());
        }
        throw new IllegalArgumentException("'" + text + "' is not a number (FLOAT)");
      case BOOLEAN:
        if (isBoolean(text)) {
          return Boolean.parseBoolean(text.strip());
        }
        throw new IllegalArgumentException("'" + text + "' is not a boolean (true/false)");
      default:
        throw new IllegalArgumentException(
            "fields of type " + type + " cannot be read from text; declare STRING, INT64, INT32,"
                + " DOUBLE, FLOAT or BOOLEAN");
    }
  }

  private static double parseDouble(String t) {
    String lower = t.toLowerCase(java.util.Locale.ROOT);
    String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
    if (unsigned.equals("nan")) {
      return Double.NaN;
    }
    if (unsigned.equals("inf") || unsigned.equals("infinity")) {
      return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    return Double.parseDouble(t);
  }
}
