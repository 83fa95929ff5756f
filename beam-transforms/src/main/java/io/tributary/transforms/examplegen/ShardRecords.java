package io.tributary.transforms.examplegen;

import io.tributary.transforms.examples.SplitShardWriter;
import java.io.IOException;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Partition;
import org.apache.beam.sdk.values.Row;

/**
 * Writes each row a parser reads to its split's data file at once, counting it in the split's
 * counter; dead letters go to a DoFn output.
 */
final class ShardRecords extends CountedRecords {

  private final Partition.PartitionFn<Row> assignment;
  private final SplitShardWriter writer;
  private final Counter[] splitCounters;
  private final DoFn.OutputReceiver<Row> deadLetters;

  ShardRecords(
      String source,
      Partition.PartitionFn<Row> assignment,
      SplitShardWriter writer,
      Counter[] splitCounters,
      DoFn.OutputReceiver<Row> deadLetters) {
    super(source);
    this.assignment = assignment;
    this.writer = writer;
    this.splitCounters = splitCounters;
    this.deadLetters = deadLetters;
  }

  @Override
  void take(Row row) {
    int split = assignment.partitionFor(row, splitCounters.length);
    try {
      writer.write(split, row);
    } catch (IOException | RuntimeException e) {
      throw new DeliveryFailure(e);
    }
    splitCounters[split].inc();
  }

  @Override
  void reject(Row deadLetter) {
    deadLetters.output(deadLetter);
  }
}
