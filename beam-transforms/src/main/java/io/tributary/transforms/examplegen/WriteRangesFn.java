package io.tributary.transforms.examplegen;

import io.tributary.transforms.examples.ShardFile;
import io.tributary.transforms.examples.SplitShardWriter;
import java.io.IOException;
import java.util.List;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Partition;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Parses ranges of files and writes each row to its split's data file as it is read; outputs
 * the files it finished ({@link #FILES}, at the end of each bundle) and the dead letters ({@link
 * #DEAD_LETTERS}). Rows never become elements, so what a runner holds per bundle is a handful of
 * file names, whatever the input's size.
 */
final class WriteRangesFn extends DoFn<KV<FileIO.ReadableFile, FileRange>, ShardFile> {

  static final TupleTag<ShardFile> FILES = new TupleTag<ShardFile>("files") {};
  static final TupleTag<Row> DEAD_LETTERS = new TupleTag<Row>("deadLetters") {};

  private final FileParser parser;
  private final Schema schema;
  private final Partition.PartitionFn<Row> assignment;
  private final SplitShardWriter.Config config;
  private final Counter[] splitCounters;
  private transient SplitShardWriter writer;

  WriteRangesFn(
      FileParser parser, Schema schema, Partition.PartitionFn<Row> assignment, SplitShardWriter.Config config) {
    this.parser = parser;
    this.schema = schema;
    this.assignment = assignment;
    this.config = config;
    this.splitCounters =
        config.splits().stream()
            .map(split -> Metrics.counter(ExampleGen.METRICS_NAMESPACE, ExampleGen.SPLIT_COUNTER_PREFIX + split))
            .toArray(Counter[]::new);
  }

  @StartBundle
  public void startBundle() {
    writer = new SplitShardWriter(config);
  }

  @ProcessElement
  public void process(@Element KV<FileIO.ReadableFile, FileRange> range, MultiOutputReceiver out) {
    SourceFile file = SourceFile.of(range.getKey());
    ShardRecords records =
        new ShardRecords(file.name(), assignment, writer, splitCounters, out.get(DEAD_LETTERS));
    ReadRanges.parse(parser, file, schema, range.getValue(), records);
  }

  @FinishBundle
  public void finishBundle(FinishBundleContext context) throws IOException {
    List<ShardFile> files = writer.finish();
    for (ShardFile file : files) {
      context.output(FILES, file, GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
    }
  }
}
