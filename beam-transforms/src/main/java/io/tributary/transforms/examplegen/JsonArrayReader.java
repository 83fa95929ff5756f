package io.tributary.transforms.examplegen;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * Splits a file that is one top-level JSON array ({@code [ {...}, {...} ]}) into the texts of its
 * elements, one at a time, each with the 1-based line it starts on. Only one element is held in
 * memory, never the whole array.
 *
 * <p>Elements are found by their brackets and quotes alone; each element's text is then parsed on
 * its own (with Jackson, by {@link JsonLinesFileParser#parseRecord}). That is why a malformed
 * object costs only itself: a Jackson stream over the whole array cannot go on past a syntax
 * error, so a missing value in one object would lose every object after it. What is lost instead:
 *
 * <ul>
 *   <li>an element whose brackets never balance (a missing {@code '}'}) or whose string never
 *       closes runs to the end of the file and is one problem element;
 *   <li>an element longer than {@value #MAX_ELEMENT_CHARS} characters is one problem element (its
 *       text cut), and reading goes on after it.
 * </ul>
 *
 * <p>Lenient where no data is at stake: a missing comma between elements, a trailing comma and
 * blank space anywhere are accepted. A missing {@code ']'} at the end and any text after it are
 * reported as problems (with the line), after every element has been read.
 */
final class JsonArrayReader implements Closeable {

  /** The longest element text kept; a longer element is a problem, and reading resumes after it. */
  static final int MAX_ELEMENT_CHARS = 1 << 24;

  private static final int SHOWN_CHARS = 200;

  /**
   * One element of the array, or a problem with the file at a line.
   *
   * @param line the 1-based line the element (or problem) starts on
   * @param text the element's JSON text, or the raw text of the problem (possibly cut)
   * @param problem null for an element to parse; otherwise what is wrong, in words a user can act on
   */
  record Element(long line, String text, String problem) {}

  private final Reader reader;
  private final char[] buffer = new char[1 << 16];
  private int position;
  private int limit;
  private long line = 1;
  private boolean opened;
  private boolean finished;

  JsonArrayReader(Reader reader) {
    this.reader = reader;
  }

  /** True when the file's first character other than a byte-order mark and blank space is {@code [}. */
  static boolean holdsArray(SourceFile file) throws IOException {
    try (JsonArrayReader probe = new JsonArrayReader(file.openText())) {
      return probe.skipBlank() == '[';
    }
  }

  /** The next element or problem, or null once the array and the file are read. */
  Element next() throws IOException {
    if (finished) {
      return null;
    }
    if (!opened) {
      opened = true;
      int first = skipBlank();
      if (first != '[') {
        finished = true;
        return first < 0 ? null : rest("the file does not start with '[': it is not a JSON array");
      }
      position++;
    }
    int c = skipBlankAndCommas();
    if (c < 0) {
      finished = true;
      return new Element(line, "", "the file ends before the array's closing ']': it may be cut short");
    }
    if (c == ']') {
      position++;
      finished = true;
      int after = skipBlank();
      return after < 0 ? null : rest("text after the array's closing ']'");
    }
    return element();
  }

  /** Reads one element starting at the current character. */
  private Element element() throws IOException {
    long start = line;
    StringBuilder text = new StringBuilder();
    int first = peek();
    boolean cut = false;
    if (first == '{' || first == '[' || first == '"') {
      int depth = 0;
      boolean inString = false;
      boolean escaped = false;
      for (int c = peek(); ; c = peek()) {
        if (c < 0) {
          finished = true;
          return new Element(start, shown(text), first == '"' || inString
              ? "a string that starts here never closes (a '\"' is missing); the file ends inside it"
              : "an element that starts here never closes (a '}' or ']' is missing); the file ends inside it");
        }
        cut |= !append(text, consume());
        if (inString) {
          if (escaped) {
            escaped = false;
          } else if (c == '\\') {
            escaped = true;
          } else if (c == '"') {
            inString = false;
            if (depth == 0) {
              break;
            }
          }
        } else if (c == '"') {
          inString = true;
        } else if (c == '{' || c == '[') {
          depth++;
        } else if (c == '}' || c == ']') {
          if (--depth == 0) {
            break;
          }
        }
      }
    } else {
      // A scalar (or stray text): up to the next separator. The parser says what it is.
      for (int c = peek(); c >= 0 && c != ',' && c != ']' && !Character.isWhitespace(c); c = peek()) {
        cut |= !append(text, consume());
      }
    }
    if (cut) {
      return new Element(start, shown(text),
          "an element longer than " + MAX_ELEMENT_CHARS + " characters: split the array into smaller records");
    }
    return new Element(start, text.toString(), null);
  }

  /** A problem whose raw text is what is left of the file (its start only). */
  private Element rest(String problem) throws IOException {
    long start = line;
    StringBuilder text = new StringBuilder();
    while (peek() >= 0) {
      append(text, consume());
    }
    finished = true;
    return new Element(start, shown(text).strip(), problem);
  }

  private static boolean append(StringBuilder text, int c) {
    if (text.length() >= MAX_ELEMENT_CHARS) {
      return false;
    }
    text.append((char) c);
    return true;
  }

  private static String shown(StringBuilder text) {
    return text.length() <= SHOWN_CHARS ? text.toString() : text.substring(0, SHOWN_CHARS - 3) + "...";
  }

  private int skipBlankAndCommas() throws IOException {
    for (int c = skipBlank(); ; c = skipBlank()) {
      if (c != ',') {
        return c;
      }
      position++;
    }
  }

  /** Skips blank space and a byte-order mark; returns the next character without consuming it, or -1. */
  private int skipBlank() throws IOException {
    for (int c = peek(); ; c = peek()) {
      if (c < 0 || !(Character.isWhitespace(c) || c == '\uFEFF')) {
        return c;
      }
      consume();
    }
  }

  private int peek() throws IOException {
    if (position == limit) {
      limit = reader.read(buffer, 0, buffer.length);
      position = 0;
      if (limit <= 0) {
        limit = 0;
        return -1;
      }
    }
    return buffer[position];
  }

  private int consume() throws IOException {
    int c = peek();
    if (c >= 0) {
      position++;
      if (c == '\n') {
        line++;
      }
    }
    return c;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
