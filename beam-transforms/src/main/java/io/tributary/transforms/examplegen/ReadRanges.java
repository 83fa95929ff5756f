package io.tributary.transforms.examplegen;

import io.tributary.transforms.deadletter.DeadLetter;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Parses files into rows ({@link #ROWS}) and dead letters ({@link #DEAD_LETTERS}) in ranges
 * ({@link PlanRanges}), so that one large file is parsed by all workers and no step holds more
 * than one range's rows. Line numbers are those of a sequential read.
 */
final class ReadRanges extends PTransform<PCollection<FileIO.ReadableFile>, PCollectionTuple> {

  static final TupleTag<Row> ROWS = new TupleTag<Row>("rows") {};
  static final TupleTag<Row> DEAD_LETTERS = new TupleTag<Row>("deadLetters") {};

  private final FileParser parser;
  private final Schema schema;
  private final long rangeBytes;

  ReadRanges(FileParser parser, Schema schema, long rangeBytes) {
    this.parser = parser;
    this.schema = schema;
    this.rangeBytes = rangeBytes;
  }

  @Override
  public PCollectionTuple expand(PCollection<FileIO.ReadableFile> files) {
    PCollectionTuple parsed =
        files
            .apply("Ranges", new PlanRanges(parser, schema, rangeBytes))
            .apply("Parse", ParDo.of(new ParseRangeFn(parser, schema)).withOutputTags(ROWS, TupleTagList.of(DEAD_LETTERS)));
    parsed.get(ROWS).setRowSchema(schema);
    parsed.get(DEAD_LETTERS).setRowSchema(DeadLetter.SCHEMA);
    return parsed;
  }

  /**
   * Reads one range of a file into {@code out}. A file that breaks off mid-way keeps the records
   * read before the break and adds one dead letter saying where it broke; the job goes on.
   */
  static void parse(FileParser parser, SourceFile file, Schema schema, FileRange range, CountedRecords out) {
    try {
      if (range.equals(FileRange.whole())) {
        parser.parse(file, schema, out);
      } else {
        ((RangedFileParser) parser).read(file, schema, range, out);
      }
    } catch (CountedRecords.DeliveryFailure e) {
      throw e;
    } catch (Exception e) {
      out.deadLetter(
          null,
          "",
          "could not read the rest of the file"
              + (range.from() > 0 ? " from byte " + range.from() + " on," : "")
              + " after " + out.records() + " records: " + e);
    }
  }

  /** Parses one range: one call, whose output is the range's rows and dead letters. */
  private static final class ParseRangeFn extends DoFn<KV<FileIO.ReadableFile, FileRange>, Row> {
    private final FileParser parser;
    private final Schema schema;

    ParseRangeFn(FileParser parser, Schema schema) {
      this.parser = parser;
      this.schema = schema;
    }

    @ProcessElement
    public void process(@Element KV<FileIO.ReadableFile, FileRange> range, MultiOutputReceiver out) {
      SourceFile file = SourceFile.of(range.getKey());
      parse(parser, file, schema, range.getValue(), new ReceiverRecords(file.name(), out));
    }
  }
}
