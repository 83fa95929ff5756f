package io.tributary.transforms.examplegen;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * How CSV text is laid out: delimiter, quote character, the tokens that mean "missing" and how many
 * lines one quoted record may span before an unclosed quote is declared malformed.
 *
 * <p>Defaults: comma, double quote, null tokens {@code ""}, {@code NA} and {@code null}, 1000 lines.
 * A field equal to a null token (exactly, case-sensitive) is missing. Remove {@code ""} from the
 * null tokens to read empty fields of string columns as empty strings.
 *
 * <p><b>maxRecordLines</b> bounds how far a quoted value may run: a record whose quoted value is
 * still open after that many lines is broken, and only its first line is lost (reading resumes on
 * the next line; see {@link CsvRecordReader}). A broken quote is usually found much sooner, on the
 * first following line that does not continue the value as CSV. Raise the bound only for data
 * with longer multi-line values; it is also how many lines a reader may hold in memory for one
 * record. The delimiter and the quote must be ASCII characters: records are found by scanning
 * bytes, and an ASCII byte is never part of another UTF-8 character.
 */
public record CsvFormat(char delimiter, char quote, Set<String> nullTokens, int maxRecordLines)
    implements Serializable {

  public CsvFormat {
    if (delimiter == quote) {
      throw new IllegalArgumentException(
          "the CSV delimiter and quote are both '" + delimiter + "': choose different characters");
    }
    if (delimiter == '\n' || delimiter == '\r' || quote == '\n' || quote == '\r') {
      throw new IllegalArgumentException("line breaks cannot be a CSV delimiter or quote");
    }
    if (delimiter > 0x7F || quote > 0x7F) {
      throw new IllegalArgumentException(
          "the CSV delimiter '" + delimiter + "' and quote '" + quote + "' must be ASCII"
              + " characters: choose e.g. ',', ';', '|' or tab, and '\"' or '\''");
    }
    if (maxRecordLines < 1) {
      throw new IllegalArgumentException(
          "maxRecordLines is " + maxRecordLines + ": a record spans at least 1 line");
    }
    nullTokens = Set.copyOf(nullTokens);
  }

  public static CsvFormat defaults() {
    return new CsvFormat(',', '"', Set.of("", "NA", "null"), 1000);
  }

  public CsvFormat withDelimiter(char newDelimiter) {
    return new CsvFormat(newDelimiter, quote, nullTokens, maxRecordLines);
  }

  public CsvFormat withQuote(char newQuote) {
    return new CsvFormat(delimiter, newQuote, nullTokens, maxRecordLines);
  }

  public CsvFormat withNullTokens(String... tokens) {
    return new CsvFormat(delimiter, quote, Set.of(tokens), maxRecordLines);
  }

  public CsvFormat withMaxRecordLines(int lines) {
    return new CsvFormat(delimiter, quote, nullTokens, lines);
  }

  boolean isNull(String field) {
    return nullTokens.contains(field);
  }

  @Override
  public String toString() {
    return "CsvFormat{delimiter='" + delimiter + "', quote='" + quote + "', nullTokens="
        + new TreeSet<>(nullTokens) + ", maxRecordLines=" + maxRecordLines + "}";
  }

  /** Parses a delimiter given on a command line: one character, or {@code tab} / {@code \t}. */
  public static char parseDelimiter(String text) {
    if (text.equals("\\t") || text.equalsIgnoreCase("tab")) {
      return '\t';
    }
    if (text.length() != 1) {
      throw new IllegalArgumentException(
          "delimiter '" + text + "' is not one character: give e.g. ',', ';', '|' or 'tab'");
    }
    return text.charAt(0);
  }

  /** Parses a comma-separated list of null tokens; an empty item stands for the empty field. */
  public static String[] parseNullTokens(String text) {
    return Arrays.stream(text.split(",", -1)).toArray(String[]::new);
  }
}
