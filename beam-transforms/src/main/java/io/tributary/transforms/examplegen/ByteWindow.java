package io.tributary.transforms.examplegen;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A file's bytes read forward from some offset and addressed by their offset in the file.
 *
 * <p>Text readers work on bytes, not characters, for two reasons: a record's position must be a
 * byte offset so a file can be read in byte ranges, and a record with invalid UTF-8 must be
 * rejected, not silently patched with U+FFFD. Every byte that separates records or fields in our
 * formats (line breaks, the delimiter, the quote, braces) is ASCII, and in UTF-8 an ASCII byte is
 * never part of a longer character, so scanning bytes finds the same boundaries as scanning
 * characters. Bytes from the {@linkplain #keepFrom kept offset} on stay in memory, so a reader can
 * go back to the start of a record it gave up on.
 */
final class ByteWindow implements Closeable {

  /** Thrown by {@link #text} for bytes that are not UTF-8; names the first bad byte. */
  static final class InvalidUtf8Exception extends CharacterCodingException {
    final long offset;

    InvalidUtf8Exception(long offset) {
      this.offset = offset;
    }

    @Override
    public String getMessage() {
      return "invalid UTF-8 at byte offset " + offset;
    }
  }

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final InputStream in;
  private final CharsetDecoder strictUtf8 =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private byte[] buffer = new byte[1 << 16];
  private long start;
  private int limit;
  private long keep;
  private boolean ended;

  /** Bytes of {@code in}, whose first byte is the file's byte at {@code offset}. */
  ByteWindow(InputStream in, long offset) {
    this.in = in;
    this.start = offset;
    this.keep = offset;
  }

  /** Where the text starts if the window starts at offset 0: past a UTF-8 byte order mark. */
  long textStart() throws IOException {
    if (start == 0 && at(0) == (BOM[0] & 0xFF) && at(1) == (BOM[1] & 0xFF) && at(2) == (BOM[2] & 0xFF)) {
      return 3;
    }
    return start;
  }

  /** The byte at {@code offset} (0 to 255), or -1 past the end of the file. */
  int at(long offset) throws IOException {
    long index = offset - start;
    if (index < limit) {
      return buffer[(int) index] & 0xFF;
    }
    while (offset - start >= limit) {
      if (!fill()) {
        return -1;
      }
    }
    return buffer[(int) (offset - start)] & 0xFF;
  }

  /** Bytes before {@code offset} are not needed any more. */
  void keepFrom(long offset) {
    keep = offset;
  }

  /** Bytes {@code [from, to)} as UTF-8 text. */
  String text(long from, long to) throws InvalidUtf8Exception {
    int index = (int) (from - start);
    int length = (int) (to - from);
    boolean ascii = true;
    for (int i = index; i < index + length; i++) {
      if (buffer[i] < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      return new String(buffer, index, length, StandardCharsets.ISO_8859_1);
    }
    ByteBuffer bytes = ByteBuffer.wrap(buffer, index, length);
    CharBuffer chars = CharBuffer.allocate(length);
    strictUtf8.reset();
    CoderResult result = strictUtf8.decode(bytes, chars, true);
    if (result.isError()) {
      throw new InvalidUtf8Exception(start + bytes.position());
    }
    strictUtf8.flush(chars);
    return chars.flip().toString();
  }

  /** Bytes {@code [from, to)} as text for a person to read: bytes that are not UTF-8 become U+FFFD. */
  String lenientText(long from, long to) {
    return new String(buffer, (int) (from - start), (int) (to - from), StandardCharsets.UTF_8);
  }

  private boolean fill() throws IOException {
    if (ended) {
      return false;
    }
    int drop = (int) Math.min(Math.max(keep - start, 0), limit);
    if (drop > 0) {
      System.arraycopy(buffer, drop, buffer, 0, limit - drop);
      limit -= drop;
      start += drop;
    }
    if (limit == buffer.length) {
      buffer = Arrays.copyOf(buffer, buffer.length * 2);
    }
    int read;
    do {
      read = in.read(buffer, limit, buffer.length - limit);
    } while (read == 0);
    if (read < 0) {
      ended = true;
      return false;
    }
    limit += read;
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
