package io.tributary.transforms.examples;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
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
 * Reads a local split folder written by {@link ExamplesIO#write} without a pipeline: for steps
 * that run in one JVM, such as the Trainer, for tests, and for the hand-written loops benchmarks
 * race pipelines against. Files are read in name order, each record converted to a {@code Row} as
 * {@link ExamplesIO#read} converts it, so both paths pay the same per-row cost.
 *
 * <pre>{@code
 * List<Row> train = ExampleFiles.read(Path.of("out/examples/Split-train"));
 * for (Row row : ExampleFiles.rows(Path.of("out/examples/Split-eval"))) { ... }   // one record at a time
 * }</pre>
 */
public final class ExampleFiles {

  private ExampleFiles() {}

  /** Every row of the split folder, with the schema of its {@code schema.avsc}. */
  public static List<Row> read(Path directory) {
    List<Row> rows = new ArrayList<>();
    rows(directory).forEach(rows::add);
    return rows;
  }

  /**
   * The rows of the split folder, read lazily, file after file, one record in memory at a time;
   * each iteration reads the files again.
   */
  public static Iterable<Row> rows(Path directory) {
    org.apache.avro.Schema avro = ExamplesIO.readAvroSchema(directory.toString());
    RecordToRow toRow = new RecordToRow(avro, AvroUtils.toBeamSchema(avro));
    List<Path> files;
    try (Stream<Path> list = Files.list(directory)) {
      files = list.filter(ExampleFiles::isData).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the examples in " + directory + ": " + e.getMessage(), e);
    }
    return () -> new RowIterator(files, avro, toRow);
  }

  private static boolean isData(Path file) {
    String name = file.getFileName().toString();
    return name.startsWith("data-")
        && (name.endsWith(ExampleFormat.AVRO.suffix()) || name.endsWith(ExampleFormat.PARQUET.suffix()));
  }

  /** Records of one file: Avro's or Parquet's reader behind one interface. */
  private interface RecordReader extends Closeable {
    /** The next record, or null at the end. */
    GenericRecord next() throws IOException;

    static RecordReader open(Path file, org.apache.avro.Schema avro) throws IOException {
      if (file.getFileName().toString().endsWith(ExampleFormat.AVRO.suffix())) {
        DataFileReader<GenericRecord> reader = new DataFileReader<>(file.toFile(), new GenericDatumReader<>(avro));
        return new RecordReader() {
          @Override
          public GenericRecord next() throws IOException {
            return reader.hasNext() ? reader.next() : null;
          }

          @Override
          public void close() throws IOException {
            reader.close();
          }
        };
      }
      ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(file)).build();
      return new RecordReader() {
        @Override
        public GenericRecord next() throws IOException {
          return reader.read();
        }

        @Override
        public void close() throws IOException {
          reader.close();
        }
      };
    }
  }

  private static final class RowIterator implements Iterator<Row> {
    private final Iterator<Path> files;
    private final org.apache.avro.Schema avro;
    private final RecordToRow toRow;
    private RecordReader reader;
    private GenericRecord next;
    private Path current;

    RowIterator(List<Path> files, org.apache.avro.Schema avro, RecordToRow toRow) {
      this.files = files.iterator();
      this.avro = avro;
      this.toRow = toRow;
    }

    @Override
    public boolean hasNext() {
      try {
        while (next == null) {
          if (reader != null) {
            next = reader.next();
            if (next != null) {
              break;
            }
            reader.close();
            reader = null;
          }
          if (!files.hasNext()) {
            return false;
          }
          current = files.next();
          reader = RecordReader.open(current, avro);
        }
        return true;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the examples in " + current + ": " + e.getMessage(), e);
      }
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Row row = toRow.apply(next);
      next = null;
      return row;
    }
  }
}
