package io.tributary.transforms.examplegen;

import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.Row;

/** Sends what a parser reads to a DoFn's outputs {@link ReadRanges#ROWS} and {@link ReadRanges#DEAD_LETTERS}. */
final class ReceiverRecords extends CountedRecords {

  private final DoFn.MultiOutputReceiver out;

  ReceiverRecords(String source, DoFn.MultiOutputReceiver out) {
    super(source);
    this.out = out;
  }

  @Override
  void take(Row row) {
    out.get(ReadRanges.ROWS).output(row);
  }

  @Override
  void reject(Row deadLetter) {
    out.get(ReadRanges.DEAD_LETTERS).output(deadLetter);
  }
}
