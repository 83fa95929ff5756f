package io.tributary.transforms.examplegen;

import org.apache.beam.sdk.transforms.splittabledofn.RestrictionTracker;
import org.apache.beam.sdk.transforms.splittabledofn.SplitResult;

/**
 * Tracks the records claimed in a {@link TextRange}. A record belongs to the range when it starts
 * in it; records are claimed in order.
 *
 * <p>It splits only to checkpoint ({@code trySplit(0)}), and then right after the last claimed
 * record, where the next record is known to start and on which line: the residual range is again
 * one that starts at a record. A split anywhere further on would need to know where records start
 * in bytes not yet read, so it is refused; parallelism comes from the ranges planned up front
 * ({@link TextRanges#plan}). A checkpoint is also refused until {@code minRecordsPerCheckpoint}
 * records were claimed: the DirectRunner asks after every 100 outputs, and each resume costs it far
 * more than parsing 100 rows, while a few thousand rows per bundle still bound its memory.
 */
final class TextRangeTracker extends RestrictionTracker<TextRange, RecordPosition> {

  private final long minRecordsPerCheckpoint;
  private TextRange range;
  private RecordPosition last;
  private long claimed;
  private boolean pastEnd;

  TextRangeTracker(TextRange range, long minRecordsPerCheckpoint) {
    this.range = range;
    this.minRecordsPerCheckpoint = minRecordsPerCheckpoint;
  }

  @Override
  public boolean tryClaim(RecordPosition position) {
    if (last != null && position.start() < last.next()) {
      throw new IllegalStateException(
          "record at byte " + position.start() + " claimed after the one ending at " + last.next());
    }
    if (position.start() >= range.to()) {
      pastEnd = true;
      return false;
    }
    last = position;
    claimed++;
    return true;
  }

  @Override
  public SplitResult<TextRange> trySplit(double fractionOfRemainder) {
    if (fractionOfRemainder != 0 || pastEnd || claimed < minRecordsPerCheckpoint) {
      return null;
    }
    long at = last == null ? range.from() : last.next();
    long line = last == null ? range.line() : last.nextLine();
    if (at >= range.to()) {
      return null;
    }
    TextRange primary = new TextRange(range.from(), at, range.line());
    TextRange residual = new TextRange(at, range.to(), line);
    range = primary;
    return SplitResult.of(primary, residual);
  }

  @Override
  public TextRange currentRestriction() {
    return range;
  }

  @Override
  public void checkDone() {
    boolean done =
        pastEnd || range.from() >= range.to() || (last != null && last.next() >= range.to());
    if (!done) {
      throw new IllegalStateException(
          "the range " + range + " was left before its end: the last record read ends at byte "
              + (last == null ? range.from() : last.next()));
    }
  }

  @Override
  public IsBounded isBounded() {
    return IsBounded.BOUNDED;
  }
}
