package io.tributary.transforms.examplegen;

/**
 * Where a record starts ({@code start}) and where the record after it starts ({@code next}, on line
 * {@code nextLine}): what a range reader claims before it outputs the record, so that a checkpoint
 * can cut the range exactly after it.
 */
record RecordPosition(long start, long next, long nextLine) {

  /** Claimed at the end of the file: past every range, so it ends the reading. */
  static final RecordPosition END = new RecordPosition(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE);
}
