package io.tributary.transforms.examplegen;

import java.io.IOException;
import java.io.InputStream;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.schemas.Schema;

/** Reads Avro container files; {@code line} in dead letters is the 1-based record number. */
final class AvroFileParser implements FileParser {

  @Override
  public void parse(SourceFile file, Schema schema, ParsedRecords out) throws IOException {
    try (InputStream in = file.openStream();
        DataFileStream<GenericRecord> records = new DataFileStream<>(in, new GenericDatumReader<>())) {
      long number = 0;
      GenericRecord record = null;
      while (records.hasNext()) {
        record = records.next(record);
        AvroRecords.emit(++number, record, schema, out);
      }
    }
  }

  /** The writer schema of an Avro file, read from its header. */
  static org.apache.avro.Schema schemaOf(SourceFile file) throws IOException {
    try (InputStream in = file.openStream();
        DataFileStream<GenericRecord> records = new DataFileStream<>(in, new GenericDatumReader<>())) {
      return records.getSchema();
    }
  }
}
