package io.tributary.transforms.examplegen;

import java.io.IOException;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;

/**
 * A format whose files can be read in byte ranges, each by another worker ({@link ReadRanges}):
 * text by record starts ({@link SplittableFileParser}), Avro by blocks, Parquet by row groups.
 * Reading every planned range gives exactly the records of one sequential read, with the same
 * line or record numbers.
 */
interface RangedFileParser extends FileParser {

  /**
   * Cuts an uncompressed file of {@code size} bytes into contiguous ranges of about {@code
   * rangeBytes} bytes, each starting where a record (block, row group) starts and knowing the line
   * or record number there.
   */
  List<FileRange> plan(SourceFile file, Schema schema, long size, long rangeBytes) throws IOException;

  /** Reads the records that start in {@code range}, a range that {@link #plan} gave. */
  void read(SourceFile file, Schema schema, FileRange range, ParsedRecords out) throws IOException;
}
