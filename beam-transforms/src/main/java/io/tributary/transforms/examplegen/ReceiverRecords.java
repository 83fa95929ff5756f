package io.tributary.transforms.examplegen;

import io.tributary.transforms.deadletter.DeadLetter;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.Row;

/**
 * Sends what a parser reads to a DoFn's outputs: rows to {@link ParseFileFn#ROWS}, dead letters of
 * one source file to {@link ParseFileFn#DEAD_LETTERS}, each counted in ExampleGen's counters.
 */
final class ReceiverRecords implements ParsedRecords {

  private static final Counter ROWS =
      Metrics.counter(ExampleGen.METRICS_NAMESPACE, ExampleGen.ROWS_COUNTER);
  private static final Counter DEAD_LETTERS =
      Metrics.counter(ExampleGen.METRICS_NAMESPACE, ExampleGen.DEAD_LETTERS_COUNTER);

  private final String source;
  private final DoFn.MultiOutputReceiver out;
  private long records;

  ReceiverRecords(String source, DoFn.MultiOutputReceiver out) {
    this.source = source;
    this.out = out;
  }

  /** Rows and dead letters sent so far. */
  long records() {
    return records;
  }

  @Override
  public void row(Row row) {
    records++;
    ROWS.inc();
    out.get(ParseFileFn.ROWS).output(row);
  }

  @Override
  public void deadLetter(Long line, String raw, String reason) {
    records++;
    DEAD_LETTERS.inc();
    out.get(ParseFileFn.DEAD_LETTERS).output(DeadLetter.of(source, line, raw, reason));
  }
}
