package io.tributary.transforms.examplegen;

import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import io.tributary.transforms.deadletter.DeadLetter;

/**
 * Parses whole files with a {@link FileParser}: rows to {@link #ROWS}, everything that could not be
 * read to {@link #DEAD_LETTERS}, each counted. A file that breaks off mid-way keeps the rows read
 * before the break and adds one dead letter saying where it broke; the job goes on.
 */
final class ParseFileFn extends DoFn<FileIO.ReadableFile, Row> {

  static final TupleTag<Row> ROWS = new TupleTag<Row>("rows") {};
  static final TupleTag<Row> DEAD_LETTERS = new TupleTag<Row>("deadLetters") {};

  private final FileParser parser;
  private final Schema schema;
  private final Counter rows = Metrics.counter(ExampleGen.METRICS_NAMESPACE, ExampleGen.ROWS_COUNTER);
  private final Counter deadLetters =
      Metrics.counter(ExampleGen.METRICS_NAMESPACE, ExampleGen.DEAD_LETTERS_COUNTER);

  ParseFileFn(FileParser parser, Schema schema) {
    this.parser = parser;
    this.schema = schema;
  }

  @ProcessElement
  public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out) {
    SourceFile source = SourceFile.of(file);
    long[] records = {0};
    ParsedRecords sink =
        new ParsedRecords() {
          @Override
          public void row(Row row) {
            records[0]++;
            rows.inc();
            out.get(ROWS).output(row);
          }

          @Override
          public void deadLetter(Long line, String raw, String reason) {
            records[0]++;
            deadLetters.inc();
            out.get(DEAD_LETTERS).output(DeadLetter.of(source.name(), line, raw, reason));
          }
        };
    try {
      parser.parse(source, schema, sink);
    } catch (Exception e) {
      sink.deadLetter(
          null,
          "",
          "could not read the rest of the file after " + records[0] + " records: " + e);
    }
  }
}
