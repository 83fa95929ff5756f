package io.tributary.transforms.examplegen;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads CSV text record by record, keeping the 1-based line on which each record starts and
 * recovering from malformed records instead of giving up on the rest of the file.
 *
 * <p>Record boundaries are found here, fields are split by commons-csv. Finding the boundaries
 * ourselves is what makes recovery possible: a quoted field may span lines, so a record is complete
 * when its quote characters balance. When they never balance (an unbalanced quote) within {@link
 * CsvFormat#maxRecordLines()} lines or before the end of the file, only the line the record
 * started on is reported as malformed and reading resumes on the next line. Blank lines are
 * skipped. A UTF-8 byte order mark at the start is dropped.
 */
final class CsvRecordReader implements Closeable {

  private record Line(long number, String text) {}

  private final Reader in;
  private final CsvFormat format;
  private final CSVFormat fieldSplitter;
  private final Deque<Line> pushedBack = new ArrayDeque<>();
  private final char[] buffer = new char[1 << 16];
  private int position;
  private int limit;
  private long linesRead;
  private boolean atStart = true;

  CsvRecordReader(Reader in, CsvFormat format) {
    this.in = in;
    this.format = format;
    this.fieldSplitter =
        CSVFormat.RFC4180
            .builder()
            .setDelimiter(format.delimiter())
            .setQuote(format.quote())
            .setIgnoreEmptyLines(false)
            .get();
  }

  /** The next record, or null at the end of the input. */
  CsvRecord next() throws IOException {
    while (true) {
      Line first = takeLine();
      if (first == null) {
        return null;
      }
      if (first.text().isBlank()) {
        continue;
      }
      List<Line> lines = new ArrayList<>();
      lines.add(first);
      StringBuilder text = new StringBuilder(first.text());
      long quotes = countQuotes(first.text());
      while (quotes % 2 == 1 && lines.size() < format.maxRecordLines()) {
        Line more = takeLine();
        if (more == null) {
          break;
        }
        lines.add(more);
        text.append(more.text());
        quotes += countQuotes(more.text());
      }
      if (quotes % 2 == 1) {
        for (int i = lines.size() - 1; i >= 1; i--) {
          pushedBack.addFirst(lines.get(i));
        }
        return CsvRecord.malformed(
            first.number(),
            withoutTerminator(first.text()),
            "unbalanced quote: a quoted field that starts on this line is never closed");
      }
      return split(first.number(), withoutTerminator(text.toString()));
    }
  }

  private CsvRecord split(long line, String raw) {
    try (CSVParser parser = CSVParser.parse(raw, fieldSplitter)) {
      List<CSVRecord> records = parser.getRecords();
      if (records.size() != 1) {
        return CsvRecord.malformed(line, raw, "not one CSV record but " + records.size());
      }
      return CsvRecord.ok(line, raw, records.get(0).toList());
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      String message = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
      return CsvRecord.malformed(line, raw, "malformed CSV: " + message);
    }
  }

  private long countQuotes(String text) {
    char quote = format.quote();
    long count = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == quote) {
        count++;
      }
    }
    return count;
  }

  private static String withoutTerminator(String text) {
    int end = text.length();
    while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.substring(0, end);
  }

  private Line takeLine() throws IOException {
    if (!pushedBack.isEmpty()) {
      return pushedBack.removeFirst();
    }
    String text = readPhysicalLine();
    return text == null ? null : new Line(++linesRead, text);
  }

  /** A physical line with its terminator ({@code \n}, {@code \r\n} or {@code \r}) kept. */
  private String readPhysicalLine() throws IOException {
    StringBuilder line = null;
    while (true) {
      if (position == limit && !fill()) {
        return line == null ? null : line.toString();
      }
      if (line == null) {
        line = new StringBuilder(128);
      }
      int start = position;
      while (position < limit) {
        char c = buffer[position++];
        if (c == '\n') {
          line.append(buffer, start, position - start);
          return line.toString();
        }
        if (c == '\r') {
          line.append(buffer, start, position - start);
          if ((position < limit || fill()) && buffer[position] == '\n') {
            line.append('\n');
            position++;
          }
          return line.toString();
        }
      }
      line.append(buffer, start, position - start);
    }
  }

  private boolean fill() throws IOException {
    int read;
    do {
      read = in.read(buffer, 0, buffer.length);
    } while (read == 0);
    if (read < 0) {
      position = limit = 0;
      return false;
    }
    position = 0;
    limit = read;
    if (atStart) {
      atStart = false;
      if (buffer[0] == '\uFEFF') {
        position = 1;
      }
    }
    return position < limit || fill();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
