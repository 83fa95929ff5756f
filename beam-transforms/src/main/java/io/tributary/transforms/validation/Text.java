package io.tributary.transforms.validation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.stream.Collectors;

/** Number and list formatting for the plain-words descriptions of anomalies. */
final class Text {
  private static final int MAX_LISTED = 10;

  private Text() {}

  /**
   * A number for reading: whole numbers exactly, others with two decimals more than their integer
   * part's digits and at least 4 significant digits ({@code 0.1934}, {@code 12345.68}).
   */
  static String number(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value);
    }
    BigDecimal exact = new BigDecimal(value);
    if (value == Math.rint(value)) {
      return exact.toPlainString();
    }
    int integerDigits = Math.max(0, exact.precision() - exact.scale());
    return exact.round(new MathContext(Math.max(4, integerDigits + 2))).stripTrailingZeros().toPlainString();
  }

  /** A share as a percentage, e.g. {@code 3.5%}. */
  static String percent(double share) {
    return number(100.0 * share) + "%";
  }

  /** The first few items, then how many more. */
  static String list(List<String> items) {
    String shown = items.stream().limit(MAX_LISTED).collect(Collectors.joining(", "));
    return items.size() > MAX_LISTED ? shown + " and " + (items.size() - MAX_LISTED) + " more" : shown;
  }

  /** A value quoted, with a hint when it differs only in case or spaces from an allowed value. */
  static String quoted(String value, List<String> domain) {
    String allowed = variantOf(value, domain);
    if (allowed == null) {
      return "'" + value + "'";
    }
    String how = allowed.equalsIgnoreCase(value) ? "case" : "surrounding spaces or case";
    return "'" + value + "' (differs only in " + how + " from '" + allowed + "')";
  }

  /** The allowed value that {@code value} differs from only in case or surrounding spaces; else null. */
  static String variantOf(String value, List<String> domain) {
    for (String allowed : domain) {
      if (!allowed.equals(value) && allowed.strip().equalsIgnoreCase(value.strip())) {
        return allowed;
      }
    }
    return null;
  }
}
