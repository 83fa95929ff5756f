package io.tributary.transforms.examples;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.extensions.avro.schemas.utils.AvroUtils;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.values.Row;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;

/**
 * Reads a split folder written by {@link ExamplesIO#write} without a pipeline, through Beam's file
 * systems (a local path, or {@code gs://}, {@code hdfs://} once {@code
 * FileSystems.setDefaultPipelineOptions} has been called): for steps that run in one JVM, such as
 * the Trainer, for tests, and for the hand-written loops benchmarks race pipelines against. Files
 * are read in name order, each record converted to a {@code Row} as {@link ExamplesIO#read}
 * converts it, so both paths pay the same per-row cost. {@link ExamplesIO#readRows} is the same
 * read.
 *
 * <pre>{@code
 * List<Row> train = ExampleFiles.read("hdfs://namenode/pipelines/penguin/ExampleGen/examples/3/Split-train");
 * for (Row row : ExampleFiles.rows(Path.of("out/examples/Split-eval"))) { ... }   // one record at a time
 * }</pre>
 */
public final class ExampleFiles {

  private ExampleFiles() {}

  /** Every row of the split folder (a path or a URI), with the schema of its {@code schema.avsc}. */
  public static List<Row> read(String directory) {
    List<Row> rows = new ArrayList<>();
    rows(directory).forEach(rows::add);
    return rows;
  }

  /** Every row of a local split folder; see {@link #read(String)}. */
  public static List<Row> read(Path directory) {
    return read(directory.toAbsolutePath().toString());
  }

  /**
   * The rows of the split folder (a path or a URI), read lazily, file after file, one record in
   * memory at a time; each iteration reads the files again.
   */
  public static Iterable<Row> rows(String directory) {
    org.apache.avro.Schema avro = ExamplesIO.readAvroSchema(directory);
    RecordToRow toRow = new RecordToRow(avro, AvroUtils.toBeamSchema(avro));
    List<ResourceId> files = new ArrayList<>();
    try {
      MatchResult match = FileSystems.match(ExamplesIO.join(directory, "data-*"), EmptyMatchTreatment.ALLOW);
      for (MatchResult.Metadata file : match.metadata()) {
        if (isData(file.resourceId())) {
          files.add(file.resourceId());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the examples in " + directory + ": " + e.getMessage(), e);
    }
    files.sort(Comparator.comparing(ResourceId::toString));
    return () -> new RowIterator(files, avro, toRow);
  }

  /** The rows of a local split folder, read lazily; see {@link #rows(String)}. */
  public static Iterable<Row> rows(Path directory) {
    return rows(directory.toAbsolutePath().toString());
  }

  private static boolean isData(ResourceId file) {
    String name = file.getFilename();
    return name != null
        && (name.endsWith(ExampleFormat.AVRO.suffix()) || name.endsWith(ExampleFormat.PARQUET.suffix()));
  }

  /** Records of one file: Avro's or Parquet's reader behind one interface. */
  private interface RecordReader extends Closeable {
    /** The next record, or null at the end. */
    GenericRecord next() throws IOException;

    static RecordReader open(ResourceId file, org.apache.avro.Schema avro) throws IOException {
      if (file.getFilename().endsWith(ExampleFormat.AVRO.suffix())) {
        DataFileStream<GenericRecord> reader =
            new DataFileStream<>(Channels.newInputStream(FileSystems.open(file)), new GenericDatumReader<>(avro));
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
      return ParquetRecords.open(file);
    }
  }

  /**
   * Parquet's reader, in a class of its own so that reading Avro never loads a Parquet class
   * (Parquet is an optional dependency of the library).
   */
  private static final class ParquetRecords {
    static RecordReader open(ResourceId file) throws IOException {
      ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(ChannelInputFile.of(file)).build();
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
    private final Iterator<ResourceId> files;
    private final org.apache.avro.Schema avro;
    private final RecordToRow toRow;
    private RecordReader reader;
    private GenericRecord next;
    private ResourceId current;

    RowIterator(List<ResourceId> files, org.apache.avro.Schema avro, RecordToRow toRow) {
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
