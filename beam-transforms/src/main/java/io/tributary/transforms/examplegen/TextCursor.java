package io.tributary.transforms.examplegen;

import java.io.Closeable;
import java.io.IOException;

/**
 * A reader of one text file, standing where a record starts. Reading a record and sending it on
 * are two steps, so that a boundary scan ({@link TextRanges#plan}) can read records without
 * decoding or sending them.
 */
interface TextCursor extends Closeable {

  /** Byte offset at which the next record starts. */
  long offset();

  /** 1-based line at which the next record starts. */
  long line();

  /** Reads the next record; false at the end of the file. */
  boolean read() throws IOException;

  /** Sends the record last read on, as a row or a dead letter (or nothing, for a good header). */
  void emit(ParsedRecords out);
}
