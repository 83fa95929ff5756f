package io.tributary.jobs.validation;

import io.tributary.jobs.options.UsageException;
import java.util.Locale;

/**
 * How many invalid records {@code tributary validate-records} tolerates before it exits with code
 * 3: none ({@code any}), any number ({@code never}), at most a count ({@code 10}), or at most a
 * share of the records checked ({@code 0.5%}).
 *
 * <pre>{@code
 * RecordLimit limit = RecordLimit.parse("0.5%");
 * limit.exceededBy(3, 1000);   // false: 0.3% of the records
 * limit.exceededBy(6, 1000);   // true
 * }</pre>
 *
 * @param text the limit as written
 * @param count the most invalid records tolerated, or -1 when a share is given
 * @param share the largest share (0–1) of invalid records tolerated, or -1 when a count is given
 */
public record RecordLimit(String text, long count, double share) {

  /**
   * Parses {@code any}, {@code never}, a count or a percentage.
   *
   * @throws UsageException naming the accepted forms
   */
  public static RecordLimit parse(String text) {
    String limit = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    try {
      if (limit.equals("any")) {
        return new RecordLimit(limit, 0, -1);
      }
      if (limit.equals("never")) {
        return new RecordLimit(limit, Long.MAX_VALUE, -1);
      }
      if (limit.endsWith("%")) {
        double percent = Double.parseDouble(limit.substring(0, limit.length() - 1));
        if (percent >= 0 && percent <= 100) {
          return new RecordLimit(limit, -1, percent / 100);
        }
      } else if (Long.parseLong(limit) >= 0) {
        return new RecordLimit(limit, Long.parseLong(limit), -1);
      }
    } catch (NumberFormatException e) {
      // Named below, with the forms that are accepted.
    }
    throw new UsageException("--failOn=" + text + ": use any, never, a count (10: more than 10 invalid records)"
        + " or a share (0.5%: more than 0.5% of the records)");
  }

  /** Whether {@code invalid} of {@code records} records are more than this limit tolerates. */
  public boolean exceededBy(long invalid, long records) {
    return share < 0 ? invalid > count : invalid > share * records;
  }
}
