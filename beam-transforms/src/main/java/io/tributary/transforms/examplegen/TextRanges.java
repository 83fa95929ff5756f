package io.tributary.transforms.examplegen;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;

/**
 * Cutting a text file into byte ranges that start at records, and reading one range.
 *
 * <p><b>Where ranges may start.</b> A CSV record may span lines (a quoted value with line breaks),
 * so a line start is not always a record start, and whether it is depends on everything before it
 * (and, with our recovery from broken quotes, on more than quote parity). So the cut points are
 * found by a boundary scan: one sequential pass over the file with the very reader that parses it,
 * told not to decode values, which records where each record starts and on which line. A range
 * then starts exactly where a record starts, with its line number, and reading it gives exactly
 * the records a sequential read gives there, whole and once, with the same line numbers. The scan
 * costs one read of the bytes (no values are decoded); the parsing, which is most of the work, runs
 * in parallel. Compressed files cannot be cut (their bytes cannot be sought): each is one range.
 */
final class TextRanges {

  private TextRanges() {}

  /**
   * Ranges of {@code size} bytes of {@code file} that start at the first record start at or after
   * each of {@code targets} (ascending byte offsets).
   */
  static List<FileRange> plan(
      SplittableFileParser parser, SourceFile file, Schema schema, long size, long[] targets)
      throws IOException {
    List<FileRange> ranges = new ArrayList<>();
    long from = 0;
    long line = 1;
    int next = 0;
    try (TextCursor cursor = parser.open(file, schema, 0, 1, true)) {
      while (next < targets.length && cursor.read()) {
        long at = cursor.offset();
        if (at >= size) {
          break;
        }
        if (at > from && at >= targets[next]) {
          ranges.add(new FileRange(from, at, line));
          from = at;
          line = cursor.line();
          while (next < targets.length && targets[next] <= at) {
            next++;
          }
        }
      }
    }
    ranges.add(new FileRange(from, Math.max(from, size), line));
    return ranges;
  }

  /** Targets every {@code rangeBytes} bytes of {@code size}. */
  static long[] every(long rangeBytes, long size) {
    long[] targets = new long[(int) Math.max(0, (size - 1) / rangeBytes)];
    for (int i = 0; i < targets.length; i++) {
      targets[i] = (i + 1) * rangeBytes;
    }
    return targets;
  }

  /**
   * Reads the records that start in {@code range} into {@code out}: from its start, where a record
   * starts, until the next record would start at or past its end.
   */
  static void read(
      SplittableFileParser parser, SourceFile file, Schema schema, FileRange range, ParsedRecords out)
      throws IOException {
    try (TextCursor cursor = parser.open(file, schema, range.from(), range.line(), false)) {
      while (cursor.offset() < range.to() && cursor.read()) {
        cursor.emit(out);
      }
    }
  }
}
