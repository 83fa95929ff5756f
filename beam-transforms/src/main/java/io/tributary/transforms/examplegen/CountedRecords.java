package io.tributary.transforms.examplegen;

import io.tributary.transforms.deadletter.DeadLetter;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.values.Row;

/**
 * What a parser reads from one source file, counted in ExampleGen's counters and handed to {@link
 * #take} (rows) or {@link #reject} (dead letters, with the file's name).
 */
abstract class CountedRecords implements ParsedRecords {

  private static final Counter ROWS =
      Metrics.counter(ExampleGen.METRICS_NAMESPACE, ExampleGen.ROWS_COUNTER);
  private static final Counter DEAD_LETTERS =
      Metrics.counter(ExampleGen.METRICS_NAMESPACE, ExampleGen.DEAD_LETTERS_COUNTER);

  private final String source;
  private long records;

  CountedRecords(String source) {
    this.source = source;
  }

  /** Rows and dead letters so far. */
  final long records() {
    return records;
  }

  @Override
  public final void row(Row row) {
    records++;
    ROWS.inc();
    take(row);
  }

  @Override
  public final void deadLetter(Long line, String raw, String reason) {
    records++;
    DEAD_LETTERS.inc();
    reject(DeadLetter.of(source, line, raw, reason));
  }

  abstract void take(Row row);

  abstract void reject(Row deadLetter);

  /**
   * A failure of where the records go (a full disk), not of the input: it fails the step
   * instead of becoming a dead letter.
   */
  static final class DeliveryFailure extends RuntimeException {
    DeliveryFailure(Exception cause) {
      super(cause);
    }
  }
}
