package io.tributary.transforms.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.extensions.avro.io.AvroIO;
import org.apache.beam.sdk.extensions.avro.io.AvroSource;
import org.apache.beam.sdk.extensions.avro.schemas.utils.AvroUtils;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.SchemaCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Writes and reads one split of examples as a folder.
 *
 * <pre>{@code
 * train.apply(ExamplesIO.write("out/Split-train").withFormat(ExampleFormat.PARQUET));
 * PCollection<Row> again = pipeline.apply(ExamplesIO.read("out/Split-train"));
 * }</pre>
 *
 * <p>A folder holds {@code data-SSSSS-of-NNNNN.avro} (or {@code .parquet}) and {@code schema.avsc}.
 * The schema file is what makes a folder a split: an empty split has it and may have no data file
 * (Beam's Parquet sink writes none for empty input), and reads as no rows.
 */
public final class ExamplesIO {

  /** The Avro schema file beside the data. */
  public static final String SCHEMA_FILE = "schema.avsc";

  /** The prefix of a split folder's name in an examples folder: {@code Split-train}, as in TFX. */
  public static final String SPLIT_PREFIX = "Split-";

  private static final String DATA_PREFIX = "data";

  /**
   * Avro records a read hands on per element (see {@link BatchingSource}): enough that a
   * runner's per-element costs vanish, few enough that a list is a small part of a worker's heap.
   */
  private static final int RECORDS_PER_ELEMENT = 1_000;
  private static final String RECORD_NAME = "Example";
  private static final String RECORD_NAMESPACE = "io.tributary.examples";

  private ExamplesIO() {}

  public static Write write(String directory) {
    return new Write(directory, ExampleFormat.AVRO);
  }

  /** Reads a split folder written by {@link #write}; its schema is read when the pipeline is built. */
  public static Read read(String directory) {
    return new Read(directory);
  }

  /**
   * Every row of a split folder (a path or a URI) read in this JVM, for driver-side code such as
   * a trainer; the same rows as {@link #read} gives a pipeline. For a split too big for memory,
   * iterate {@link ExampleFiles#rows(String)} instead. The rows' schema is {@code
   * AvroUtils.toBeamSchema(readAvroSchema(directory))}, also when there are no rows.
   */
  public static List<Row> readRows(String directory) {
    return ExampleFiles.read(directory);
  }

  /**
   * The conversion {@link #read} applies to each record of a folder whose schema file holds {@code
   * avro}: the rows of {@code AvroUtils}, made quickly for the flat records ExampleGen writes. For
   * code that reads the files itself, outside a pipeline.
   */
  public static SerializableFunction<GenericRecord, Row> recordToRow(org.apache.avro.Schema avro) {
    return new RecordToRow(avro, AvroUtils.toBeamSchema(avro));
  }

  /** The Avro form of a Beam schema, as written to {@link #SCHEMA_FILE}. */
  public static org.apache.avro.Schema avroSchema(Schema schema) {
    return AvroUtils.toAvroSchema(schema, RECORD_NAME, RECORD_NAMESPACE);
  }

  /**
   * The columns' original names recorded in {@code directory/schema.avsc} (see {@link
   * ColumnNames}); each field maps to itself when none was recorded.
   */
  public static ColumnNames readColumnNames(String directory) {
    return ColumnNames.of(readAvroSchema(directory));
  }

  /** Reads {@code directory/schema.avsc}. */
  public static org.apache.avro.Schema readAvroSchema(String directory) {
    String path = join(directory, SCHEMA_FILE);
    try (InputStream in =
        Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(path, false)))) {
      return new org.apache.avro.Schema.Parser().parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the examples' schema " + path + ": is " + directory + " a split folder?", e);
    }
  }

  static String join(String directory, String name) {
    return directory.endsWith("/") ? directory + name : directory + "/" + name;
  }

  /** Writes rows with a schema to a split folder. */
  public static final class Write extends PTransform<PCollection<Row>, PDone> {
    private final String directory;
    private final ExampleFormat format;
    private final ColumnNames columnNames;

    private Write(String directory, ExampleFormat format) {
      this(directory, format, null);
    }

    private Write(String directory, ExampleFormat format, ColumnNames columnNames) {
      if (directory == null || directory.isBlank()) {
        throw new IllegalArgumentException("ExamplesIO.write() needs a folder to write to");
      }
      this.directory = directory;
      this.format = format;
      this.columnNames = columnNames;
    }

    public Write withFormat(ExampleFormat newFormat) {
      if (newFormat == null) {
        throw new IllegalArgumentException("withFormat(null): use AVRO or PARQUET");
      }
      return new Write(directory, newFormat, columnNames);
    }

    /**
     * Records the columns' original names in the schema (field property {@value
     * ColumnNames#AVRO_PROPERTY}), so every reader of the folder can show and accept them.
     */
    public Write withColumnNames(ColumnNames names) {
      if (names == null) {
        throw new IllegalArgumentException("withColumnNames(null): pass e.g. ExampleGenResult.columnNames()");
      }
      return new Write(directory, format, names);
    }

    @Override
    public PDone expand(PCollection<Row> rows) {
      if (!rows.hasSchema()) {
        throw new IllegalArgumentException(
            "ExamplesIO.write() needs rows with a schema: call setRowSchema() on the input");
      }
      if (format == ExampleFormat.PARQUET) {
        ParquetSupport.require("ExamplesIO.write() in Parquet");
      }
      org.apache.avro.Schema avro = avroSchema(rows.getSchema());
      if (columnNames != null) {
        avro = columnNames.annotate(avro);
      }
      PCollection<GenericRecord> records =
          rows.apply(
                  "ToAvro",
                  MapElements.into(TypeDescriptor.of(GenericRecord.class))
                      .via(AvroUtils.getRowToGenericRecordFunction(avro)))
              .setCoder(AvroCoder.of(avro));
      if (format == ExampleFormat.AVRO) {
        records.apply(
            "WriteAvro",
            AvroIO.writeGenericRecords(avro).to(join(directory, DATA_PREFIX)).withSuffix(format.suffix()));
      } else {
        records.apply(
            "WriteParquet",
            FileIO.<GenericRecord>write()
                .via(ParquetIO.sink(avro))
                .to(directory)
                .withPrefix(DATA_PREFIX)
                .withSuffix(format.suffix()));
      }
      rows.getPipeline()
          .apply("Schema", Create.of(avro.toString(true)))
          .apply(
              "WriteSchema",
              TextIO.write().to(join(directory, "schema")).withSuffix(".avsc").withoutSharding());
      return PDone.in(rows.getPipeline());
    }
  }

  /** Reads a split folder back into rows. */
  public static final class Read extends PTransform<PBegin, PCollection<Row>> {
    private final String directory;

    private Read(String directory) {
      if (directory == null || directory.isBlank()) {
        throw new IllegalArgumentException("ExamplesIO.read() needs a split folder to read");
      }
      this.directory = directory;
    }

    @Override
    public PCollection<Row> expand(PBegin begin) {
      org.apache.avro.Schema avro = readAvroSchema(directory);
      Schema schema = AvroUtils.toBeamSchema(avro);
      ExampleFormat format = formatOf(directory);
      if (format == null) {
        return begin.apply("Empty", Create.empty(schema));
      }
      if (format == ExampleFormat.PARQUET) {
        ParquetSupport.require("ExamplesIO.read() of Parquet examples");
      }
      String files = join(directory, DATA_PREFIX + "-*" + format.suffix());
      if (format == ExampleFormat.AVRO) {
        return begin
            .apply("ReadAvro", org.apache.beam.sdk.io.Read.from(
                new BatchingSource<>(AvroSource.from(files).withSchema(avro), RECORDS_PER_ELEMENT)))
            .apply("ToRows", ParDo.of(new BatchToRows(recordToRow(avro))))
            .setRowSchema(schema);
      }
      return begin
          .apply("ReadParquet", ParquetIO.read(avro).from(files))
          .apply("ToRows", MapElements.into(TypeDescriptor.of(Row.class)).via(recordToRow(avro)))
          .setRowSchema(schema);
    }

    /**
     * {@code Combine.globally(combineFn)} of the folder's rows, computed without making the rows
     * elements: each split of an Avro folder is folded into one accumulator as it is read ({@link
     * FoldingSource}), and only those accumulators reach the combine. Memory stays flat on every
     * runner, the DirectRunner included, and no runner pays a cost per row. A Parquet folder is
     * read as rows and combined. Empty input gives the output of an empty accumulator.
     *
     * <pre>{@code
     * PCollection<Long> rows = pipeline.apply(ExamplesIO.read("out/Split-train").combined(Count.combineFn()));
     * }</pre>
     *
     * @param combineFn a combine of rows of the folder's schema (its Beam form); its accumulator
     *     coder must be known
     */
    public <AccumT, OutputT> PTransform<PBegin, PCollection<OutputT>> combined(
        Combine.CombineFn<Row, AccumT, OutputT> combineFn) {
      if (combineFn == null) {
        throw new IllegalArgumentException("combined(null): pass the CombineFn of the rows");
      }
      return new Combined<>(this, combineFn);
    }

    /** What {@link #combined} returns. */
    private static final class Combined<AccumT, OutputT> extends PTransform<PBegin, PCollection<OutputT>> {
      private static final long serialVersionUID = 1L;
      private final Read read;
      private final Combine.CombineFn<Row, AccumT, OutputT> combineFn;

      Combined(Read read, Combine.CombineFn<Row, AccumT, OutputT> combineFn) {
        this.read = read;
        this.combineFn = combineFn;
      }

      @Override
      public PCollection<OutputT> expand(PBegin begin) {
        String directory = read.directory;
        if (formatOf(directory) != ExampleFormat.AVRO) {
          return begin.apply("Read", read).apply("Combine", Combine.globally(combineFn));
        }
        org.apache.avro.Schema avro = readAvroSchema(directory);
        Coder<Row> rowCoder = SchemaCoder.of(AvroUtils.toBeamSchema(avro));
        Coder<AccumT> accumulatorCoder;
        try {
          accumulatorCoder = combineFn.getAccumulatorCoder(begin.getPipeline().getCoderRegistry(), rowCoder);
        } catch (CannotProvideCoderException e) {
          throw new IllegalArgumentException(
              "combined(): " + combineFn.getClass().getSimpleName()
                  + " has no accumulator coder; override getAccumulatorCoder()", e);
        }
        String files = join(directory, DATA_PREFIX + "-*" + ExampleFormat.AVRO.suffix());
        return begin
            .apply("ReadAndFold", org.apache.beam.sdk.io.Read.from(new FoldingSource<>(
                AvroSource.from(files).withSchema(avro), recordToRow(avro), combineFn, accumulatorCoder)))
            .apply("Merge", Combine.globally(new MergeAccumulatorsFn<>(combineFn, accumulatorCoder, rowCoder)));
      }
    }

    /** Unpacks the record lists {@link BatchingSource} reads into one row per record. */
    private static final class BatchToRows extends DoFn<List<GenericRecord>, Row> {
      private static final long serialVersionUID = 1L;
      private final SerializableFunction<GenericRecord, Row> toRow;

      BatchToRows(SerializableFunction<GenericRecord, Row> toRow) {
        this.toRow = toRow;
      }

      @ProcessElement
      public void process(@Element List<GenericRecord> records, OutputReceiver<Row> out) {
        for (GenericRecord record : records) {
          out.output(toRow.apply(record));
        }
      }
    }

    /** The format of the data files, or null when there are none (an empty split). */
    private static ExampleFormat formatOf(String directory) {
      for (ExampleFormat format : ExampleFormat.values()) {
        try {
          List<MatchResult.Metadata> found =
              FileSystems.match(
                      join(directory, DATA_PREFIX + "-*" + format.suffix()),
                      EmptyMatchTreatment.ALLOW)
                  .metadata();
          if (!found.isEmpty()) {
            return format;
          }
        } catch (IOException e) {
          throw new UncheckedIOException("cannot list " + directory, e);
        }
      }
      return null;
    }
  }
}
