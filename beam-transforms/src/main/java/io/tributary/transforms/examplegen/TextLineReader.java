package io.tributary.transforms.examplegen;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads UTF-8 text line by line from a byte offset, keeping each line's 1-based number; lines end
 * with {@code \n}, {@code \r\n} or {@code \r}. A UTF-8 byte order mark at the start of the file is
 * dropped. A line holding bytes that are not UTF-8 comes back with the offset of the first bad byte
 * instead of its text, so the caller can reject exactly that line.
 */
final class TextLineReader implements Closeable {

  /**
   * One line: its text without the break, or null with {@code invalidUtf8At} the offset of its
   * first byte that is not UTF-8 and {@code raw} its text with such bytes replaced.
   */
  record Line(long number, String text, String raw, long invalidUtf8At) {}

  private final ByteWindow bytes;
  private final boolean boundariesOnly;
  private long offset;
  private long line;

  /**
   * Reads {@code in}, a file's bytes from {@code offset} on, where line {@code line} starts. With
   * {@code boundariesOnly}, lines come back without text (an empty one): for planning byte ranges.
   */
  TextLineReader(InputStream in, long offset, long line, boolean boundariesOnly) throws IOException {
    this.bytes = new ByteWindow(in, offset);
    this.boundariesOnly = boundariesOnly;
    this.offset = bytes.textStart();
    this.line = line;
  }

  /** Byte offset at which the next line starts. */
  long offset() {
    return offset;
  }

  /** 1-based number of the next line. */
  long line() {
    return line;
  }

  /** The next line, or null at the end of the input. */
  Line next() throws IOException {
    bytes.keepFrom(offset);
    long p = offset;
    int b = bytes.at(p);
    if (b < 0) {
      return null;
    }
    while (b >= 0 && b != '\n' && b != '\r') {
      b = bytes.at(++p);
    }
    Line result = boundariesOnly ? new Line(line, "", "", -1) : decode(p);
    offset = b == '\r' && bytes.at(p + 1) == '\n' ? p + 2 : b < 0 ? p : p + 1;
    line++;
    return result;
  }

  private Line decode(long end) {
    try {
      String text = bytes.text(offset, end);
      return new Line(line, text, text, -1);
    } catch (ByteWindow.InvalidUtf8Exception e) {
      return new Line(line, null, bytes.lenientText(offset, end), e.offset);
    }
  }

  @Override
  public void close() throws IOException {
    bytes.close();
  }
}
