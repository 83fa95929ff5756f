package io.tributary.transforms.examplegen;

import io.tributary.transforms.deadletter.DeadLetter;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
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
import org.apache.beam.sdk.transforms.splittabledofn.RestrictionTracker;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Parses text files (CSV, JSON lines) in byte ranges, so that one large file is parsed by all
 * workers, with memory bounded on every runner.
 *
 * <p>Each file is cut into ranges of about {@value #RANGE_BYTES} bytes that start where records
 * start (see {@link TextRanges} for how they are found), the ranges are spread over the workers,
 * and each range is read by a splittable DoFn that claims every record before it outputs it. A
 * runner may checkpoint that DoFn after any record (accepted after {@value #RECORDS_PER_CHECKPOINT}
 * records), so no bundle holds more than a bounded part of a range's rows; a compressed file, which is one
 * range, is read in the same bounded steps. Outputs {@link ParseFileFn#ROWS} and {@link
 * ParseFileFn#DEAD_LETTERS}; line numbers are those of a sequential read.
 */
final class ReadTextRanges extends PTransform<PCollection<FileIO.ReadableFile>, PCollectionTuple> {

  /** About how many bytes one range holds: a few tens of thousands of rows. */
  static final long RANGE_BYTES = 8L << 20;

  /** Fewest records a bundle reads before a checkpoint is accepted (see {@link TextRangeTracker}). */
  static final long RECORDS_PER_CHECKPOINT = 5_000;

  private final SplittableFileParser parser;
  private final Schema schema;
  private final long rangeBytes;

  ReadTextRanges(SplittableFileParser parser, Schema schema, long rangeBytes) {
    this.parser = parser;
    this.schema = schema;
    this.rangeBytes = rangeBytes;
  }

  @Override
  public PCollectionTuple expand(PCollection<FileIO.ReadableFile> files) {
    PCollectionTuple parsed =
        files
            .apply("Plan", ParDo.of(new PlanFn(parser, schema, rangeBytes)))
            .setCoder(KvCoder.of(ReadableFileCoder.of(), SerializableCoder.of(TextRange.class)))
            .apply("Spread", Reshuffle.viaRandomKey())
            .apply(
                "Parse",
                ParDo.of(new ReadFn(parser, schema, UUID.randomUUID().toString()))
                    .withOutputTags(ParseFileFn.ROWS, TupleTagList.of(ParseFileFn.DEAD_LETTERS)));
    parsed.get(ParseFileFn.ROWS).setRowSchema(schema);
    parsed.get(ParseFileFn.DEAD_LETTERS).setRowSchema(DeadLetter.SCHEMA);
    return parsed;
  }

  /** Cuts each file into ranges; a compressed or small file is one range. */
  private static final class PlanFn extends DoFn<FileIO.ReadableFile, KV<FileIO.ReadableFile, TextRange>> {
    private final SplittableFileParser parser;
    private final Schema schema;
    private final long rangeBytes;

    PlanFn(SplittableFileParser parser, Schema schema, long rangeBytes) {
      this.parser = parser;
      this.schema = schema;
      this.rangeBytes = rangeBytes;
    }

    @ProcessElement
    public void process(
        @Element FileIO.ReadableFile file, OutputReceiver<KV<FileIO.ReadableFile, TextRange>> out) {
      long size = file.getMetadata().sizeBytes();
      if (file.getCompression() != Compression.UNCOMPRESSED) {
        out.output(KV.of(file, new TextRange(0, Long.MAX_VALUE, 1)));
        return;
      }
      List<TextRange> ranges;
      try {
        ranges =
            size <= rangeBytes
                ? List.of(new TextRange(0, size, 1))
                : TextRanges.plan(parser, SourceFile.of(file), schema, size, TextRanges.every(rangeBytes, size));
      } catch (IOException e) {
        // Read as one range: its reader meets the same fault and reports it as a dead letter.
        ranges = List.of(new TextRange(0, size, 1));
      }
      ranges.forEach(range -> out.output(KV.of(file, range)));
    }
  }

  /** Reads one range of one file, record by record, each claimed before it is output. */
  private static final class ReadFn extends DoFn<KV<FileIO.ReadableFile, TextRange>, Row> {
    private final SplittableFileParser parser;
    private final Schema schema;
    private final String reader;

    ReadFn(SplittableFileParser parser, Schema schema, String reader) {
      this.parser = parser;
      this.schema = schema;
      this.reader = reader;
    }

    @GetInitialRestriction
    public TextRange initialRestriction(@Element KV<FileIO.ReadableFile, TextRange> element) {
      return element.getValue();
    }

    @NewTracker
    public TextRangeTracker newTracker(@Restriction TextRange range) {
      return new TextRangeTracker(range, RECORDS_PER_CHECKPOINT);
    }

    @GetRestrictionCoder
    public SerializableCoder<TextRange> restrictionCoder() {
      return SerializableCoder.of(TextRange.class);
    }

    @ProcessElement
    public void process(
        @Element KV<FileIO.ReadableFile, TextRange> element,
        RestrictionTracker<TextRange, RecordPosition> tracker,
        MultiOutputReceiver out) {
      SourceFile file = SourceFile.of(element.getKey());
      ReceiverRecords sink = new ReceiverRecords(file.name(), out);
      try {
        TextRanges.read(parser, file, schema, reader, tracker, sink);
      } catch (Exception e) {
        sink.deadLetter(
            null,
            "",
            "could not read the rest of the file from byte " + tracker.currentRestriction().from()
                + " on, after " + sink.records() + " records: " + e);
        tracker.tryClaim(RecordPosition.END);
      }
    }
  }
}
