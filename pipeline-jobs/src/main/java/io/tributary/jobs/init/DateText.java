package io.tributary.jobs.init;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;

/**
 * Whether a text is a date or a date-time in one of the forms real files use: ISO 8601 ({@code
 * 2012-01-01}, {@code 2012-01-01T10:00:00Z}, {@code 2012-01-01 10:00}), {@code Jun 12 1998},
 * {@code 12 Jun 1998}, {@code June 12, 1998}, {@code 6/12/1998}, {@code 1998/06/12}.
 */
final class DateText {

  private static final List<DateTimeFormatter> FORMS = List.of(
      DateTimeFormatter.ISO_LOCAL_DATE,
      DateTimeFormatter.ISO_LOCAL_DATE_TIME,
      DateTimeFormatter.ISO_OFFSET_DATE_TIME,
      pattern("uuuu-MM-dd HH:mm[:ss]"),
      pattern("MMM d uuuu"),
      pattern("d MMM uuuu"),
      pattern("MMMM d, uuuu"),
      pattern("M/d/uuuu"),
      pattern("uuuu/M/d"));

  private DateText() {}

  static boolean isDate(String text) {
    String value = text.strip();
    if (value.length() < 6 || value.length() > 40 || !Character.isLetterOrDigit(value.charAt(0))) {
      return false;
    }
    for (DateTimeFormatter form : FORMS) {
      try {
        form.parse(value);
        return true;
      } catch (DateTimeParseException notThisForm) {
        // try the next form
      }
    }
    return false;
  }

  private static DateTimeFormatter pattern(String pattern) {
    return DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
  }
}
