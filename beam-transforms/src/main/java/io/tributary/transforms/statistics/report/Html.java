package io.tributary.transforms.statistics.report;

import java.util.Locale;

/**
 * Escaping and number formatting shared by Tributary's HTML reports (statistics, anomalies), so
 * that every report shows figures the same way.
 *
 * <pre>{@code
 * html.append("<td>").append(Html.number(3.14159)).append("</td>");   // 3.142
 * html.append("<td>").append(Html.escape(userText)).append("</td>");
 * }</pre>
 */
public final class Html {
  private Html() {}

  /** Text safe inside an element or a double-quoted attribute. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<':
          out.append("&lt;");
          break;
        case '>':
          out.append("&gt;");
          break;
        case '&':
          out.append("&amp;");
          break;
        case '"':
          out.append("&quot;");
          break;
        case '\'':
          out.append("&#39;");
          break;
        default:
          out.append(c);
      }
    }
    return out.toString();
  }

  /** A figure for people: 4 significant digits, whole numbers as such, NaN as a dash. */
  public static String number(double value) {
    if (Double.isNaN(value)) {
      return "–";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return String.format(Locale.ROOT, "%.4g", value);
  }

  /** A share as a percentage with one decimal. */
  public static String percent(double part, double whole) {
    return whole == 0 ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * part / whole);
  }

  /** A sort key attribute value: the number, or a very low one for NaN so it sorts first. */
  public static String sortKey(double value) {
    return Double.isNaN(value) ? "-1e308" : String.valueOf(value);
  }

  /**
   * A category value shown whole, so that two different values never look the same: the full text
   * (long ones wrap, and a very long one scrolls within a few lines), the empty string as an
   * italic {@code (empty)} that no value can be mistaken for. Styled by the page's {@code .label}
   * and {@code .label.empty} rules.
   */
  public static String label(String value) {
    return value.isEmpty()
        ? "<div class=\"label empty\" title=\"the empty string\">(empty)</div>"
        : "<div class=\"label\">" + escape(value) + "</div>";
  }

  /** Shortens long values (a top value can be a 50,000-character string). */
  public static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
