package io.tributary.transforms.examplegen;

import java.io.IOException;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;

/**
 * A text format whose files can be read from any record start: the reader of a byte range opens a
 * cursor at the range's start. Which records follow a record start depends only on the bytes from
 * there on, which is what makes reading by ranges give exactly the records of a sequential read.
 */
interface SplittableFileParser extends RangedFileParser {

  /**
   * A cursor at {@code offset}, where a record starts on line {@code line}. With {@code
   * boundariesOnly} it finds where records start and end but decodes no values: for planning
   * ranges.
   */
  TextCursor open(SourceFile file, Schema schema, long offset, long line, boolean boundariesOnly)
      throws IOException;

  /** Reads the whole file in one go. */
  @Override
  default void parse(SourceFile file, Schema schema, ParsedRecords out) throws IOException {
    try (TextCursor cursor = open(file, schema, 0, 1, false)) {
      while (cursor.read()) {
        cursor.emit(out);
      }
    }
  }

  @Override
  default List<FileRange> plan(SourceFile file, Schema schema, long size, long rangeBytes)
      throws IOException {
    return TextRanges.plan(this, file, schema, size, TextRanges.every(rangeBytes, size));
  }

  @Override
  default void read(SourceFile file, Schema schema, FileRange range, ParsedRecords out)
      throws IOException {
    TextRanges.read(this, file, schema, range, out);
  }
}
