package io.tributary.transforms.examplegen;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV bytes record by record, keeping the 1-based line and the byte offset at which each
 * record starts, and losing no more than one line to a malformed record.
 *
 * <p>Quoting follows RFC 4180: a quote opens a quoted value only at the start of a field; inside
 * it a doubled quote is a quote, and the closing quote must be followed by the delimiter or the
 * end of the line. A quoted value may span lines. Anything else is malformed, and a malformed
 * record costs exactly <em>its first line</em>: that line becomes the malformed record and reading
 * resumes on the next line. So a stray quote inside an unquoted value ({@code 4"5.5}) or after a
 * closing quote costs its own line, and a quote that opens a value and never closes properly
 * (the value runs into following lines that do not continue it as CSV, past the end of the file, or
 * past {@link CsvFormat#maxRecordLines()} lines) costs only the line where it opened; the lines
 * after it are read again as records. A record spanning lines that ends up with another number of
 * fields than the header is treated the same way, since an unbalanced quote is the likely cause.
 *
 * <p>Values are decoded as UTF-8; a record holding bytes that are not UTF-8 is malformed (as a
 * whole) with the offset of the first bad byte. Blank lines are skipped. A UTF-8 byte order mark
 * at the start of the file is dropped.
 *
 * <p>Which records follow a position depends only on the bytes from there on, so a reader started
 * at a position another reader reported ({@link #offset()}, {@link #line()}) reads exactly the
 * records the first reader would have read from there: what makes reading a file in ranges exact.
 */
final class CsvRecordReader implements Closeable {

  private final ByteWindow bytes;
  private final CsvFormat format;
  private final int delimiter;
  private final int quote;
  private List<String> columns;
  private boolean boundariesOnly;
  private long offset;
  private long line;

  /** Reads {@code in}, a whole file, from its start. */
  CsvRecordReader(InputStream in, CsvFormat format) throws IOException {
    this(in, format, 0, 1);
  }

  /**
   * Reads {@code in}, a file's bytes from {@code offset} on, where a record starts on line {@code
   * line}.
   */
  CsvRecordReader(InputStream in, CsvFormat format, long offset, long line) throws IOException {
    this.bytes = new ByteWindow(in, offset);
    this.format = format;
    this.delimiter = format.delimiter();
    this.quote = format.quote();
    this.offset = bytes.textStart();
    this.line = line;
  }

  /** Names the columns (the header): records spanning lines are checked against their number. */
  void columns(List<String> names) {
    this.columns = List.copyOf(names);
  }

  /**
   * From the header on ({@link #columns}), finds where records start and end without decoding
   * their values: records come back with no fields and no text. For planning byte ranges.
   */
  void boundariesOnly() {
    this.boundariesOnly = true;
  }

  /** Byte offset at which the next record starts (before any blank lines). */
  long offset() {
    return offset;
  }

  /** 1-based line on which the next record starts (before any blank lines). */
  long line() {
    return line;
  }

  /** The next record, or null at the end of the input. */
  CsvRecord next() throws IOException {
    while (true) {
      bytes.keepFrom(offset);
      int first = bytes.at(offset);
      if (first < 0) {
        return null;
      }
      long end = blankLineEnd(offset);
      if (end < 0) {
        return record();
      }
      offset = end;
      line++;
    }
  }

  /** Where the line at {@code from} ends (after its break) if it holds only blanks, else -1. */
  private long blankLineEnd(long from) throws IOException {
    long p = from;
    for (int b = bytes.at(p); ; b = bytes.at(++p)) {
      if (b < 0 || b == '\n' || b == '\r') {
        return afterBreak(p);
      }
      if (!(b == ' ' || b == '\t' || b == '\f' || b == 0x0B)) {
        return -1;
      }
    }
  }

  private CsvRecord record() throws IOException {
    boolean decode = !(boundariesOnly && columns != null);
    long start = offset;
    List<String> fields = new ArrayList<>(columns == null ? 16 : columns.size());
    long lines = 1;
    int spanningField = -1;
    long invalidUtf8 = -1;
    int invalidField = -1;
    long p = start;
    while (true) {
      int field = fields.size();
      int b = bytes.at(p);
      long from;
      long to;
      boolean doubledQuotes = false;
      if (b == quote) {
        from = ++p;
        while (true) {
          b = bytes.at(p);
          if (b < 0) {
            return unbalanced(start, spanningField < 0 ? field : spanningField,
                "is never closed");
          }
          if (b == quote) {
            if (bytes.at(p + 1) == quote) {
              doubledQuotes = true;
              p += 2;
              continue;
            }
            break;
          }
          if (b == '\n' || b == '\r') {
            if (b == '\r' && bytes.at(p + 1) == '\n') {
              p++;
            }
            lines++;
            if (spanningField < 0) {
              spanningField = field;
            }
            if (lines > format.maxRecordLines()) {
              return unbalanced(start, spanningField,
                  "is not closed within " + format.maxRecordLines()
                      + " lines (the CSV format's maxRecordLines)");
            }
          }
          p++;
        }
        to = p++;
        b = bytes.at(p);
        if (b != delimiter && b >= 0 && b != '\n' && b != '\r') {
          if (lines > 1) {
            return unbalanced(start, spanningField,
                "has no proper closing quote (read on, line " + (line + lines - 1)
                    + " does not continue it)");
          }
          return malformedFirstLine(start,
              "text after the closing quote of " + column(field) + " ("
                  + excerpt(from - 1, p + 1) + "...): a quote inside a quoted value must be doubled");
        }
      } else {
        from = p;
        while (b >= 0 && b != delimiter && b != '\n' && b != '\r') {
          if (b == quote) {
            if (lines > 1) {
              return unbalanced(start, spanningField,
                  "has no proper closing quote (read on, line " + (line + lines - 1)
                      + " does not continue it)");
            }
            return malformedFirstLine(start, strayQuote(field, from));
          }
          b = bytes.at(++p);
        }
        to = p;
      }
      String value = null;
      try {
        value = decode ? bytes.text(from, to) : null;
      } catch (ByteWindow.InvalidUtf8Exception e) {
        if (invalidUtf8 < 0) {
          invalidUtf8 = e.offset;
          invalidField = field;
        }
      }
      fields.add(
          doubledQuotes && value != null
              ? value.replace(quoteTwice(), String.valueOf((char) quote))
              : value);
      if (b == delimiter) {
        p++;
        continue;
      }
      // b is a line break or the end of the file: the record is complete.
      if (lines > 1 && columns != null && fields.size() != columns.size()) {
        return unbalanced(start, spanningField,
            "closes on line " + (line + lines - 1) + ", which leaves a record of " + fields.size()
                + " fields where the header has " + columns.size());
      }
      long recordLine = line;
      offset = afterBreak(p);
      line += lines;
      if (!decode) {
        return CsvRecord.ok(recordLine, "", List.of());
      }
      String raw = bytes.lenientText(start, p);
      if (invalidUtf8 >= 0) {
        return CsvRecord.malformed(recordLine, raw,
            "invalid UTF-8 at byte offset " + invalidUtf8 + " (" + column(invalidField)
                + "): the file must be UTF-8");
      }
      return CsvRecord.ok(recordLine, raw, fields);
    }
  }

  private String quoteTwice() {
    return String.valueOf((char) quote) + (char) quote;
  }

  private CsvRecord unbalanced(long start, int field, String what) throws IOException {
    return malformedFirstLine(start,
        "unbalanced quote: the quoted value of " + column(field) + " that opens on this line "
            + what);
  }

  /** The record's first line becomes a malformed record; reading resumes on the next line. */
  private CsvRecord malformedFirstLine(long start, String reason) throws IOException {
    long p = start;
    for (int b = bytes.at(p); b >= 0 && b != '\n' && b != '\r'; b = bytes.at(++p)) {
      // to the end of the first line
    }
    CsvRecord record = CsvRecord.malformed(line, bytes.lenientText(start, p), reason);
    offset = afterBreak(p);
    line++;
    return record;
  }

  private String strayQuote(int field, long from) throws IOException {
    long p = from;
    for (int b = bytes.at(p); b >= 0 && b != delimiter && b != '\n' && b != '\r';
        b = bytes.at(++p)) {
      // to the end of the value
    }
    String value = bytes.lenientText(from, p);
    String q = String.valueOf((char) quote);
    return "a quote inside the unquoted value " + abbreviate(value) + " of " + column(field)
        + ": quote the whole value and double the quote inside (" + q
        + abbreviate(value).replace(q, quoteTwice()) + q + ")";
  }

  private String excerpt(long from, long to) {
    return abbreviate(bytes.lenientText(from, to));
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }

  private String column(int field) {
    if (columns != null && field < columns.size()) {
      return "column '" + columns.get(field) + "'";
    }
    return "field " + (field + 1);
  }

  /** The offset after the line break at {@code p} ({@code \n}, {@code \r\n} or {@code \r}). */
  private long afterBreak(long p) throws IOException {
    int b = bytes.at(p);
    if (b == '\r') {
      return bytes.at(p + 1) == '\n' ? p + 2 : p + 1;
    }
    return b == '\n' ? p + 1 : p;
  }

  @Override
  public void close() throws IOException {
    bytes.close();
  }
}
