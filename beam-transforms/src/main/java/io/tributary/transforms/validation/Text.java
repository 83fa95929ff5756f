package io.tributary.transforms.validation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.stream.Collectors;

/** Number and list formatting for the plain-words descriptions of anomalies. */
final class Text {
  private static final int MAX_LISTED = 10;

  private Text() {}

  /** A number with at most 4 significant digits, without a trailing {@code .0}. */
  static String number(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value);
    }
    return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
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

  /** A value quoted, with a hint when it differs only in case from an allowed value. */
  static String quoted(String value, List<String> domain) {
    for (String allowed : domain) {
      if (!allowed.equals(value) && allowed.equalsIgnoreCase(value)) {
        return "'" + value + "' (differs only in case from '" + allowed + "')";
      }
    }
    return "'" + value + "'";
  }
}
