package io.tributary.transforms.examplegen;

import java.io.Serializable;

/**
 * A byte range of a text file to parse: the records that start at offsets in {@code [from, to)}.
 * {@code from} is always where a record starts (never inside one), and {@code line} is the 1-based
 * line there, so a range is read with exact line numbers without reading what comes before it. A
 * compressed file, whose decompressed length is unknown, is one range to {@link Long#MAX_VALUE}.
 */
record TextRange(long from, long to, long line) implements Serializable {

  TextRange {
    if (from < 0 || to < from || line < 1) {
      throw new IllegalArgumentException("not a text range: [" + from + ", " + to + ") at line " + line);
    }
  }
}
