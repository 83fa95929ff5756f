package io.tributary.transforms.examplegen;

import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Parses whole files with a {@link FileParser} (JSON arrays; every other format is read in ranges
 * by {@link ReadRanges}, which reads small and compressed files whole by {@link #parseWhole}): rows
 * to {@link #ROWS}, everything that could not be read to {@link #DEAD_LETTERS}, each counted. A file that breaks off mid-way keeps the rows read
 * before the break and adds one dead letter saying where it broke; the job goes on.
 */
final class ParseFileFn extends DoFn<FileIO.ReadableFile, Row> {

  static final TupleTag<Row> ROWS = new TupleTag<Row>("rows") {};
  static final TupleTag<Row> DEAD_LETTERS = new TupleTag<Row>("deadLetters") {};

  private final FileParser parser;
  private final Schema schema;

  ParseFileFn(FileParser parser, Schema schema) {
    this.parser = parser;
    this.schema = schema;
  }

  @ProcessElement
  public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out) {
    SourceFile source = SourceFile.of(file);
    parseWhole(parser, source, schema, new ReceiverRecords(source.name(), out));
  }

  /** Parses a whole file; what breaks off mid-way becomes one dead letter after the rows before. */
  static void parseWhole(FileParser parser, SourceFile source, Schema schema, ReceiverRecords sink) {
    try {
      parser.parse(source, schema, sink);
    } catch (Exception e) {
      sink.deadLetter(
          null,
          "",
          "could not read the rest of the file after " + sink.records() + " records: " + e);
    }
  }
}
