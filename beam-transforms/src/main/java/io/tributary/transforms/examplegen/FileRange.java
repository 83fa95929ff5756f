package io.tributary.transforms.examplegen;

import java.io.Serializable;

/**
 * A byte range of a file to parse: the records that start at offsets in {@code [from, to)}. {@code
 * from} is always where a record (an Avro block, a Parquet row group) starts, never inside one, and
 * {@code line} is the 1-based line (text) or record number (Avro, Parquet) of the range's first
 * record, so a range is read with exact numbers without reading what comes before it. A file read
 * whole (compressed, whose decompressed length is unknown, or small) is {@link #whole()}.
 */
record FileRange(long from, long to, long line) implements Serializable {

  FileRange {
    if (from < 0 || to < from || line < 1) {
      throw new IllegalArgumentException("not a text range: [" + from + ", " + to + ") at line " + line);
    }
  }

  /** The whole file: for a file that is not cut (compressed, small, or one JSON array). */
  static FileRange whole() {
    return new FileRange(0, Long.MAX_VALUE, 1);
  }
}
