package io.tributary.transforms.examplegen;

import io.tributary.transforms.examples.ChannelInputFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;

/**
 * Reads Parquet files as Avro records; {@code line} in dead letters is the 1-based row number.
 *
 * <p>A large file is read in ranges of whole row groups: {@link #plan} reads the footer and cuts at
 * row-group starts, counting the rows before each range. Parquet's reader keeps the row groups
 * whose midpoint lies in a range, so a range whose ends are row-group starts reads exactly its own.
 */
final class ParquetFileParser implements RangedFileParser {

  @Override
  public void parse(SourceFile file, Schema schema, ParsedRecords out) throws IOException {
    read(file, schema, FileRange.whole(), out);
  }

  @Override
  public List<FileRange> plan(SourceFile file, Schema schema, long size, long rangeBytes)
      throws IOException {
    List<BlockMetaData> rowGroups;
    try (ParquetFileReader reader = ParquetFileReader.open(inputFile(file))) {
      rowGroups = reader.getFooter().getBlocks();
    }
    List<FileRange> ranges = new ArrayList<>();
    long from = 0;
    long first = 1;
    long rows = 0;
    for (BlockMetaData rowGroup : rowGroups) {
      long start = rowGroup.getStartingPos();
      if (start - from >= rangeBytes && rows > 0) {
        ranges.add(new FileRange(from, start, first));
        from = start;
        first = rows + 1;
      }
      rows += rowGroup.getRowCount();
    }
    ranges.add(new FileRange(from, Math.max(from, size), first));
    return ranges;
  }

  @Override
  public void read(SourceFile file, Schema schema, FileRange range, ParsedRecords out)
      throws IOException {
    ParquetReader.Builder<GenericRecord> builder =
        AvroParquetReader.<GenericRecord>builder(inputFile(file))
            .withDataModel(GenericData.get());
    if (!range.equals(FileRange.whole())) {
      builder = builder.withFileRange(range.from(), range.to());
    }
    try (ParquetReader<GenericRecord> reader = builder.build()) {
      long number = range.line() - 1;
      for (GenericRecord record = reader.read(); record != null; record = reader.read()) {
        AvroRecords.emit(++number, record, schema, out);
      }
    }
  }

  /** The schema of a Parquet file, from its footer, as Avro. */
  static org.apache.avro.Schema schemaOf(SourceFile file) throws IOException {
    try (ParquetFileReader reader = ParquetFileReader.open(inputFile(file))) {
      return new AvroSchemaConverter().convert(reader.getFooter().getFileMetaData().getSchema());
    }
  }

  private static ChannelInputFile inputFile(SourceFile file) throws IOException {
    return new ChannelInputFile(file.name(), file::openSeekable);
  }
}
