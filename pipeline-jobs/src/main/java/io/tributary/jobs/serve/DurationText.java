package io.tributary.jobs.serve;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in options: a whole number and a unit, {@code 90s}, {@code 15m},
 * {@code 1h}, {@code 7d}. Used by the request log's {@code --logSpan} and {@code --logRetention}.
 */
public final class DurationText {

  private static final Pattern TEXT = Pattern.compile("(\\d{1,9})([smhd])");

  private DurationText() {}

  /** The duration of {@code text}; fails naming {@code option} and the accepted form. */
  public static Duration parse(String option, String text) {
    Matcher m = TEXT.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          option + "=" + text + " is not a duration: write a whole number and a unit s, m, h or d, e.g. 1h or 7d");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  /** The shortest text {@link #parse} reads back as {@code duration} (whole seconds). */
  public static String format(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds > 0 && seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    }
    if (seconds > 0 && seconds % 3_600 == 0) {
      return seconds / 3_600 + "h";
    }
    if (seconds > 0 && seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }
}
