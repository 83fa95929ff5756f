package io.tributary.samples.bench;

import io.tributary.transforms.examplegen.Input;
import io.tributary.transforms.examplegen.InputRows;
import io.tributary.transforms.examples.ExamplesIO;
import io.tributary.transforms.statistics.DatasetStatistics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.extensions.avro.schemas.utils.AvroUtils;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.Row;

/**
 * The baseline of {@code samples/bench/ingest.sh}: {@code tributary examplegen} followed by {@code
 * tributary statistics}, done by one thread without a runner. It reads the CSV with ExampleGen's
 * own schema inference and parser ({@link InputRows}), turns each row into an Avro record with the
 * conversion {@code ExamplesIO.write} applies and appends it to an Avro file with Beam's default
 * codec (snappy), then reads the file back into statistics with {@link HandLoopStatistics}, the
 * transform's own accumulators.
 *
 * <p>It writes one split of every row, where the job hashes each row into {@code train} and {@code
 * eval}: the same rows are parsed, written, read and described, minus the job's per-row hash.
 *
 * <pre>
 * TRIBUTARY_MAIN=io.tributary.samples.bench.IngestHandLoop TRIBUTARY_CLASSPATH=samples/target/classes \
 *   ./tributary data.csv OUTPUT_FOLDER
 * </pre>
 *
 * <p>Prints one {@value #PREFIX} line of {@code key=value} figures.
 */
public final class IngestHandLoop {
  static final String PREFIX = "ingest-hand-loop:";

  private IngestHandLoop() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: IngestHandLoop CSV_FILE OUTPUT_FOLDER (the folder must not exist)");
    }
    Path output = Path.of(args[1]);
    if (Files.exists(output)) {
      throw new IllegalArgumentException(output + " already exists: remove it or name another folder");
    }
    long started = System.nanoTime();
    InputRows input = InputRows.of(Input.csv(args[0]));
    Path split = Files.createDirectories(output.resolve("Split-train"));
    long[] rows = {0};
    long deadLetters = writeExamples(input, split, rows);
    double examplesSeconds = (System.nanoTime() - started) / 1e9;
    DatasetStatistics statistics = HandLoopStatistics.compute(split);
    double seconds = (System.nanoTime() - started) / 1e9;
    if (statistics.rowCount() != rows[0]) {
      throw new IllegalStateException("the statistics counted " + statistics.rowCount() + " of " + rows[0] + " rows");
    }
    System.out.println(String.format(Locale.ROOT, "%s rows=%d deadLetters=%d examplesSeconds=%.3f seconds=%.3f",
        PREFIX, rows[0], deadLetters, examplesSeconds, seconds));
  }

  /** Writes the input's rows as the examples of {@code split}; returns the dead letters' count. */
  private static long writeExamples(InputRows input, Path split, long[] rows) throws IOException {
    org.apache.avro.Schema avro =
        input.inferred().columns().annotate(ExamplesIO.avroSchema(input.inferred().schema()));
    Files.writeString(split.resolve(ExamplesIO.SCHEMA_FILE), avro.toString(true));
    SerializableFunction<Row, GenericRecord> toRecord = AvroUtils.getRowToGenericRecordFunction(avro);
    try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(avro))) {
      writer.setCodec(CodecFactory.snappyCodec());
      writer.create(avro, split.resolve("data-00000-of-00001.avro").toFile());
      return input.forEach(Long.MAX_VALUE, row -> {
        try {
          writer.append(toRecord.apply(row));
          rows[0]++;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
