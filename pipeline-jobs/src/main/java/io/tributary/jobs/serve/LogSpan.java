package io.tributary.jobs.serve;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The spans of the request log: UTC time cut into intervals of {@code --logSpan} that start at
 * midnight, each numbered by its start written as {@code yyyyMMddHHmm} ({@code 202612072000} is
 * 20:00 to 21:00 on 2026-12-07 for hourly spans). The number grows with time and reads as a date,
 * so ExampleGen's {@code {SPAN}} placeholder picks the newest span, and {@code --span=202612072000}
 * a given one. A span's folder is {@code span-<number>}.
 *
 * <pre>{@code
 * LogSpan hourly = LogSpan.of(Duration.ofHours(1));
 * hourly.number(Instant.parse("2026-12-07T20:41:00Z"));   // 202612072000
 * hourly.end(202612072000L);                               // 2026-12-07T21:00:00Z
 * }</pre>
 */
public final class LogSpan {

  /** The folder of a span, {@code span-<number>}. */
  public static final String FOLDER_PREFIX = "span-";

  private static final Pattern FOLDER = Pattern.compile(FOLDER_PREFIX + "(\\d{12})");
  private static final DateTimeFormatter NUMBER = DateTimeFormatter.ofPattern("yyyyMMddHHmm");
  private static final long MINUTES_PER_DAY = 24 * 60;

  private final long minutes;

  private LogSpan(long minutes) {
    this.minutes = minutes;
  }

  /** Spans of {@code length}: whole minutes that divide a day (1m to 1d), so every day starts a span. */
  static LogSpan of(Duration length) {
    long seconds = length.toSeconds();
    if (seconds < 60 || seconds % 60 != 0 || MINUTES_PER_DAY % (seconds / 60) != 0 || length.getNano() != 0) {
      throw new IllegalArgumentException("--logSpan=" + DurationText.format(length)
          + ": a span must be whole minutes that divide a day, e.g. 15m, 1h, 6h or 1d");
    }
    return new LogSpan(seconds / 60);
  }

  Duration length() {
    return Duration.ofMinutes(minutes);
  }

  /** The number of the span {@code time} falls in. */
  long number(Instant time) {
    long minute = Math.floorDiv(time.getEpochSecond(), 60);
    long start = minute - Math.floorMod(minute, minutes);
    return Long.parseLong(NUMBER.format(LocalDateTime.ofEpochSecond(start * 60, 0, ZoneOffset.UTC)));
  }

  /** When span {@code number} starts. */
  public static Instant start(long number) {
    return LocalDateTime.parse(Long.toString(number), NUMBER).toInstant(ZoneOffset.UTC);
  }

  /** When span {@code number} ends (the next one starts). */
  Instant end(long number) {
    return start(number).plus(length());
  }

  /** The folder name of span {@code number}. */
  public static String folder(long number) {
    return FOLDER_PREFIX + number;
  }

  /** The span number of a folder named {@code span-<number>}; empty for any other name. */
  public static OptionalLong ofFolder(String name) {
    Matcher m = FOLDER.matcher(name);
    if (!m.matches()) {
      return OptionalLong.empty();
    }
    try {
      long number = Long.parseLong(m.group(1));
      start(number);
      return OptionalLong.of(number);
    } catch (DateTimeParseException notADate) {
      return OptionalLong.empty();
    }
  }
}
