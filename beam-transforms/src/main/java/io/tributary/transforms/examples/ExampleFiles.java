package io.tributary.transforms.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.extensions.avro.schemas.utils.AvroUtils;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;

/**
 * Reads a local split folder written by {@link ExamplesIO#write} into memory, without a pipeline:
 * for steps that run in one JVM, such as the Trainer, and for tests. Files are read in name order.
 *
 * <pre>{@code
 * List<Row> train = ExampleFiles.read(Path.of("out/examples/Split-train"));
 * }</pre>
 */
public final class ExampleFiles {

  private ExampleFiles() {}

  /** Every row of the split folder, with the schema of its {@code schema.avsc}. */
  public static List<Row> read(Path directory) {
    org.apache.avro.Schema avro = ExamplesIO.readAvroSchema(directory.toString());
    Schema schema = AvroUtils.toBeamSchema(avro);
    List<Row> rows = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(ExampleFiles::isData).sorted().toList()) {
        for (GenericRecord record : records(file, avro)) {
          rows.add(AvroUtils.toBeamRowStrict(record, schema));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the examples in " + directory + ": " + e.getMessage(), e);
    }
    return rows;
  }

  private static boolean isData(Path file) {
    String name = file.getFileName().toString();
    return name.startsWith("data-")
        && (name.endsWith(ExampleFormat.AVRO.suffix()) || name.endsWith(ExampleFormat.PARQUET.suffix()));
  }

  private static List<GenericRecord> records(Path file, org.apache.avro.Schema avro) throws IOException {
    List<GenericRecord> records = new ArrayList<>();
    if (file.getFileName().toString().endsWith(ExampleFormat.AVRO.suffix())) {
      try (DataFileReader<GenericRecord> reader =
          new DataFileReader<>(file.toFile(), new GenericDatumReader<>(avro))) {
        reader.forEach(records::add);
      }
      return records;
    }
    try (ParquetReader<GenericRecord> reader =
        AvroParquetReader.<GenericRecord>builder(new LocalInputFile(file)).build()) {
      for (GenericRecord record = reader.read(); record != null; record = reader.read()) {
        records.add(record);
      }
    }
    return records;
  }
}
