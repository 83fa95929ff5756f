package io.tributary.transforms.examplegen;

import io.tributary.transforms.examples.ChannelInputFile;
import java.io.IOException;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;

/** Reads Parquet files as Avro records; {@code line} in dead letters is the 1-based row number. */
final class ParquetFileParser implements FileParser {

  @Override
  public void parse(SourceFile file, Schema schema, ParsedRecords out) throws IOException {
    try (ParquetReader<GenericRecord> reader =
        AvroParquetReader.<GenericRecord>builder(new ChannelInputFile(file.name(), file::openSeekable))
            .withDataModel(GenericData.get())
            .build()) {
      long number = 0;
      for (GenericRecord record = reader.read(); record != null; record = reader.read()) {
        AvroRecords.emit(++number, record, schema, out);
      }
    }
  }

  /** The schema of a Parquet file, from its footer, as Avro. */
  static org.apache.avro.Schema schemaOf(SourceFile file) throws IOException {
    try (ParquetFileReader reader = ParquetFileReader.open(new ChannelInputFile(file.name(), file::openSeekable))) {
      return new AvroSchemaConverter().convert(reader.getFooter().getFileMetaData().getSchema());
    }
  }
}
