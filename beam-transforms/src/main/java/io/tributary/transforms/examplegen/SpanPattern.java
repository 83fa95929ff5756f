package io.tributary.transforms.examplegen;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file pattern with TFX span and version placeholders, turned into a glob to list the files and
 * a regular expression to read each file's span and version back from its path.
 *
 * <p>Placeholders: {@code {SPAN}} or {@code {SPAN:n}} (n digits), {@code {VERSION}} or {@code
 * {VERSION:n}}, and the date trio {@code {YYYY}}, {@code {MM}}, {@code {DD}}, whose span is the
 * date's day number since 1970-01-01. A pattern holds either {@code {SPAN}} or the date, each at
 * most once; {@code {VERSION}} needs one of them. Globs in the pattern may use {@code *}, {@code **}
 * and {@code ?}.
 */
final class SpanPattern {

  private static final Pattern TOKEN =
      Pattern.compile("\\{(SPAN|VERSION)(?::(\\d+))?}|\\{(YYYY|MM|DD)}");

  private final String pattern;
  private final String glob;
  private final Pattern regex;
  private final boolean hasSpan;
  private final boolean hasDate;
  private final boolean hasVersion;

  private SpanPattern(
      String pattern, String glob, Pattern regex, boolean hasSpan, boolean hasDate, boolean hasVersion) {
    this.pattern = pattern;
    this.glob = glob;
    this.regex = regex;
    this.hasSpan = hasSpan;
    this.hasDate = hasDate;
    this.hasVersion = hasVersion;
  }

  static SpanPattern parse(String pattern) {
    StringBuilder glob = new StringBuilder();
    StringBuilder regex = new StringBuilder();
    int span = 0;
    int version = 0;
    int year = 0;
    int month = 0;
    int day = 0;
    Matcher m = TOKEN.matcher(pattern);
    int last = 0;
    while (m.find()) {
      appendLiteral(pattern.substring(last, m.start()), glob, regex);
      last = m.end();
      String name = m.group(1) != null ? m.group(1) : m.group(3);
      Integer width = m.group(2) == null ? null : Integer.valueOf(m.group(2));
      switch (name) {
        case "SPAN":
          span++;
          appendNumber("span", width, glob, regex);
          break;
        case "VERSION":
          version++;
          appendNumber("version", width, glob, regex);
          break;
        case "YYYY":
          year++;
          appendNumber("year", 4, glob, regex);
          break;
        case "MM":
          month++;
          appendNumber("month", 2, glob, regex);
          break;
        default:
          day++;
          appendNumber("day", 2, glob, regex);
      }
    }
    appendLiteral(pattern.substring(last), glob, regex);
    boolean hasDate = year + month + day > 0;
    if (span > 1 || version > 1 || year > 1 || month > 1 || day > 1) {
      throw new IllegalArgumentException(
          "'" + pattern + "' repeats a placeholder: use each of {SPAN}, {VERSION}, {YYYY}, {MM},"
              + " {DD} at most once");
    }
    if (hasDate && (year + month + day != 3)) {
      throw new IllegalArgumentException(
          "'" + pattern + "' has a partial date: a date span needs all of {YYYY}, {MM} and {DD}");
    }
    if (hasDate && span > 0) {
      throw new IllegalArgumentException(
          "'" + pattern + "' has both {SPAN} and a date: use one of them");
    }
    if (version > 0 && span == 0 && !hasDate) {
      throw new IllegalArgumentException(
          "'" + pattern + "' has {VERSION} but no span: add {SPAN} or {YYYY}{MM}{DD}");
    }
    return new SpanPattern(
        pattern, glob.toString(), Pattern.compile(regex.toString()), span > 0, hasDate, version > 0);
  }

  private static void appendNumber(String group, Integer width, StringBuilder glob, StringBuilder regex) {
    if (width == null) {
      glob.append('*');
      regex.append("(?<").append(group).append(">\\d+)");
    } else {
      glob.append("?".repeat(width));
      regex.append("(?<").append(group).append(">\\d{").append(width).append("})");
    }
  }

  private static void appendLiteral(String literal, StringBuilder glob, StringBuilder regex) {
    glob.append(literal);
    int i = 0;
    while (i < literal.length()) {
      char c = literal.charAt(i);
      if (c == '*' && i + 1 < literal.length() && literal.charAt(i + 1) == '*') {
        regex.append(".*");
        i += 2;
      } else if (c == '*') {
        regex.append("[^/]*");
        i++;
      } else if (c == '?') {
        regex.append("[^/]");
        i++;
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
        i++;
      }
    }
  }

  String pattern() {
    return pattern;
  }

  /** The glob that lists every file of every span and version. */
  String glob() {
    return glob;
  }

  boolean hasSpan() {
    return hasSpan || hasDate;
  }

  boolean hasVersion() {
    return hasVersion;
  }

  /** The span of a listed path; empty when the path does not fit the pattern. */
  OptionalLong spanOf(String path) {
    Matcher m = regex.matcher(path);
    if (!m.matches() || !hasSpan()) {
      return OptionalLong.empty();
    }
    if (hasSpan) {
      return OptionalLong.of(Long.parseLong(m.group("span")));
    }
    try {
      return OptionalLong.of(
          LocalDate.of(
                  Integer.parseInt(m.group("year")),
                  Integer.parseInt(m.group("month")),
                  Integer.parseInt(m.group("day")))
              .toEpochDay());
    } catch (DateTimeException notADate) {
      return OptionalLong.empty();
    }
  }

  /** The version of a listed path; empty when the pattern has none or the path does not fit. */
  OptionalLong versionOf(String path) {
    Matcher m = regex.matcher(path);
    if (!hasVersion || !m.matches()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Long.parseLong(m.group("version")));
  }
}
