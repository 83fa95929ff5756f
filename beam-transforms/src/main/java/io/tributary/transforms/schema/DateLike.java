package io.tributary.transforms.schema;

import java.util.regex.Pattern;

/**
 * Whether a string looks like a date or a time: ISO dates and timestamps ({@code 2012-01-31},
 * {@code 2012-01-31T08:15:00Z}), year-months ({@code 2012-01}), dates with slashes or dots ({@code
 * 1/31/2012}, {@code 31.01.2012}) and month names ({@code Jun 12 1998}, {@code 12-Jun-98}). A
 * column of dates gets no domain: a later sample always holds dates that were not seen.
 */
final class DateLike {
  private static final String MONTH = "(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";
  private static final Pattern DATE =
      Pattern.compile(
          "\\d{4}-\\d{1,2}(-\\d{1,2})?([ T]\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?"
              + "|\\d{1,4}[/.]\\d{1,2}[/.]\\d{1,4}( \\d{1,2}:\\d{2}(:\\d{2})?)?"
              + "|\\d{1,2}[ -]" + MONTH + "[ -]\\d{2,4}"
              + "|" + MONTH + " \\d{1,2},? \\d{4}"
              + "|\\d{1,2}:\\d{2}(:\\d{2})?( ?[AaPp][Mm])?");

  private DateLike() {}

  static boolean matches(String value) {
    return DATE.matcher(value.strip()).matches();
  }
}
