package io.tributary.transforms.examplegen;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.splittabledofn.RestrictionTracker;

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
  static List<TextRange> plan(
      SplittableFileParser parser, SourceFile file, Schema schema, long size, long[] targets)
      throws IOException {
    List<TextRange> ranges = new ArrayList<>();
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
          ranges.add(new TextRange(from, at, line));
          from = at;
          line = cursor.line();
          while (next < targets.length && targets[next] <= at) {
            next++;
          }
        }
      }
    }
    ranges.add(new TextRange(from, Math.max(from, size), line));
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
   * Reads the records that start in the tracker's range into {@code out}, claiming each before it
   * is sent on. When a claim is refused inside the original range (a checkpoint cut the range after
   * the record before), the cursor is parked for the residual. {@code reader} tells apart the
   * ExampleGen reads that may share this JVM.
   */
  static void read(
      SplittableFileParser parser,
      SourceFile file,
      Schema schema,
      String reader,
      RestrictionTracker<TextRange, RecordPosition> tracker,
      ParsedRecords out)
      throws IOException {
    TextRange range = tracker.currentRestriction();
    TextCursor cursor = ParkedCursors.take(new ParkedCursors.Key(reader, file.name(), range.from()));
    boolean pending = cursor != null;
    if (cursor == null) {
      cursor = parser.open(file, schema, range.from(), range.line(), false);
    }
    boolean parked = false;
    try {
      while (true) {
        long start = pending ? range.from() : cursor.offset();
        if (!pending && !cursor.read()) {
          tracker.tryClaim(RecordPosition.END);
          return;
        }
        pending = false;
        if (!tracker.tryClaim(new RecordPosition(start, cursor.offset(), cursor.line()))) {
          if (start < range.to()) {
            ParkedCursors.park(new ParkedCursors.Key(reader, file.name(), start), cursor);
            parked = true;
          }
          return;
        }
        cursor.emit(out);
      }
    } finally {
      if (!parked) {
        cursor.close();
      }
    }
  }
}
