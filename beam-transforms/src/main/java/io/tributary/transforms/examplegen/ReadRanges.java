package io.tributary.transforms.examplegen;

import io.tributary.transforms.deadletter.DeadLetter;
import java.io.IOException;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.ReadableFileCoder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Parses text files (CSV, JSON lines) in byte ranges, so that one large file is parsed by all
 * workers and no step holds more than one range's rows.
 *
 * <p>Three plain steps: each file is cut into ranges of about {@code rangeBytes} bytes that start
 * where records start (see {@link TextRanges} for how they are found); the ranges are spread over
 * the workers by a {@link Reshuffle}; each range is parsed by one call of an ordinary DoFn. A
 * range's rows are one bundle's output, so its size bounds what the DirectRunner holds at once.
 * (Not a splittable DoFn: the DirectRunner checkpoints those after every 100 outputs or every
 * second, each checkpoint a round through keyed state and timers; that read a 300k-row CSV 2.5
 * times slower than one DoFn call per file.) A compressed file cannot be cut and is one range,
 * read by streaming. Outputs {@link ParseFileFn#ROWS} and {@link ParseFileFn#DEAD_LETTERS}; line
 * numbers are those of a sequential read.
 */
final class ReadRanges extends PTransform<PCollection<FileIO.ReadableFile>, PCollectionTuple> {

  private final RangedFileParser parser;
  private final Schema schema;
  private final long rangeBytes;

  ReadRanges(RangedFileParser parser, Schema schema, long rangeBytes) {
    this.parser = parser;
    this.schema = schema;
    this.rangeBytes = rangeBytes;
  }

  @Override
  public PCollectionTuple expand(PCollection<FileIO.ReadableFile> files) {
    PCollectionTuple parsed =
        files
            .apply("Plan", ParDo.of(new PlanFn(parser, schema, rangeBytes)))
            .setCoder(KvCoder.of(ReadableFileCoder.of(), SerializableCoder.of(FileRange.class)))
            .apply("Spread", Reshuffle.viaRandomKey())
            .apply(
                "Parse",
                ParDo.of(new ParseRangeFn(parser, schema))
                    .withOutputTags(ParseFileFn.ROWS, TupleTagList.of(ParseFileFn.DEAD_LETTERS)));
    parsed.get(ParseFileFn.ROWS).setRowSchema(schema);
    parsed.get(ParseFileFn.DEAD_LETTERS).setRowSchema(DeadLetter.SCHEMA);
    return parsed;
  }

  /** Cuts each file into ranges; a compressed or small file is one range. */
  private static final class PlanFn extends DoFn<FileIO.ReadableFile, KV<FileIO.ReadableFile, FileRange>> {
    private final RangedFileParser parser;
    private final Schema schema;
    private final long rangeBytes;

    PlanFn(RangedFileParser parser, Schema schema, long rangeBytes) {
      this.parser = parser;
      this.schema = schema;
      this.rangeBytes = rangeBytes;
    }

    @ProcessElement
    public void process(
        @Element FileIO.ReadableFile file, OutputReceiver<KV<FileIO.ReadableFile, FileRange>> out) {
      long size = file.getMetadata().sizeBytes();
      if (file.getCompression() != Compression.UNCOMPRESSED) {
        out.output(KV.of(file, FileRange.whole()));
        return;
      }
      List<FileRange> ranges;
      try {
        ranges =
            size <= rangeBytes
                ? List.of(FileRange.whole())
                : parser.plan(SourceFile.of(file), schema, size, rangeBytes);
      } catch (IOException e) {
        // Read as one range: its reader meets the same fault and reports it as a dead letter.
        ranges = List.of(FileRange.whole());
      }
      ranges.forEach(range -> out.output(KV.of(file, range)));
    }
  }

  /** Parses one range of one file: one call, whose output is the range's rows and dead letters. */
  private static final class ParseRangeFn extends DoFn<KV<FileIO.ReadableFile, FileRange>, Row> {
    private final RangedFileParser parser;
    private final Schema schema;

    ParseRangeFn(RangedFileParser parser, Schema schema) {
      this.parser = parser;
      this.schema = schema;
    }

    @ProcessElement
    public void process(@Element KV<FileIO.ReadableFile, FileRange> element, MultiOutputReceiver out) {
      SourceFile file = SourceFile.of(element.getKey());
      FileRange range = element.getValue();
      ReceiverRecords sink = new ReceiverRecords(file.name(), out);
      if (range.equals(FileRange.whole())) {
        ParseFileFn.parseWhole(parser, file, schema, sink);
        return;
      }
      try {
        parser.read(file, schema, range, sink);
      } catch (Exception e) {
        sink.deadLetter(
            null,
            "",
            "could not read the rest of the file from byte " + range.from() + " on, after "
                + sink.records() + " records: " + e);
      }
    }
  }
}
