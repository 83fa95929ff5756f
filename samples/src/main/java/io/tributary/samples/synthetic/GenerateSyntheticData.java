package io.tributary.samples.synthetic;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes {@link SyntheticExamples} as a split folder that {@code ExamplesIO.read} and the
 * Tributary jobs read: {@code <output>/Split-<split>/data-SSSSS-of-NNNNN.<avro|parquet>} and
 * {@code schema.avsc}; or, with {@code --format=csv}, the same rows as raw CSV files with a header
 * for ExampleGen to read (a missing value is an empty field).
 *
 * <pre>
 * samples/synthetic/generate.sh --rows=1000000 --format=parquet --output=/tmp/synthetic-1m
 * samples/synthetic/generate.sh --rows=1000000 --format=csv --shards=1 --output=/tmp/synthetic-csv
 * </pre>
 */
@Command(
    name = "generate-synthetic-data",
    mixinStandardHelpOptions = true,
    description = "Writes a seeded synthetic data set (id, label, 20 features) as examples.")
public final class GenerateSyntheticData implements java.util.concurrent.Callable<Integer> {

  @Option(names = "--rows", description = "Rows to write (default: ${DEFAULT-VALUE}).")
  long rows = 1_000_000;

  @Option(names = "--seed", description = "Seed: the same seed writes the same data (default: ${DEFAULT-VALUE}).")
  long seed = 42;

  @Option(names = "--output", required = true, description = "Output folder; must not exist.")
  Path output;

  @Option(names = "--format", description = "avro, parquet or csv (default: ${DEFAULT-VALUE}).")
  String format = "avro";

  @Option(names = "--shards", description = "Files to write, in parallel (default: ${DEFAULT-VALUE}).")
  int shards = 4;

  @Option(names = "--split", description = "Split folder name (default: ${DEFAULT-VALUE}).")
  String split = "train";

  public static void main(String[] args) {
    System.exit(new CommandLine(new GenerateSyntheticData()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    String suffix = format.toLowerCase(Locale.ROOT);
    if (!List.of("avro", "parquet", "csv").contains(suffix)) {
      throw new CommandLine.ParameterException(new CommandLine(this), "--format is avro, parquet or csv");
    }
    if (Files.exists(output)) {
      throw new CommandLine.ParameterException(new CommandLine(this), output + " already exists");
    }
    Path folder = Files.createDirectories(output.resolve("Split-" + split));
    Files.writeString(folder.resolve("schema.avsc"), SyntheticExamples.SCHEMA.toString(true));
    long started = System.nanoTime();
    SyntheticExamples examples = new SyntheticExamples(seed);
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(shards, Runtime.getRuntime().availableProcessors()));
    List<Future<?>> work = new ArrayList<>();
    for (int shard = 0; shard < shards; shard++) {
      long from = rows * shard / shards;
      long to = rows * (shard + 1) / shards;
      Path file = folder.resolve(String.format("data-%05d-of-%05d.%s", shard, shards, suffix));
      work.add(pool.submit(() -> {
        write(examples, from, to, file, suffix);
        return null;
      }));
    }
    for (Future<?> done : work) {
      done.get();
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("wrote %,d rows to %s in %.1f s (%,.0f rows/s)%n", rows, folder, seconds, rows / seconds);
    return 0;
  }

  private static void write(SyntheticExamples examples, long from, long to, Path file, String format)
      throws IOException {
    if (format.equals("avro")) {
      try (DataFileWriter<GenericRecord> writer =
          new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(SyntheticExamples.SCHEMA))) {
        writer.setCodec(CodecFactory.deflateCodec(1));
        writer.create(SyntheticExamples.SCHEMA, file.toFile());
        for (long id = from; id < to; id++) {
          writer.append(examples.row(id));
        }
      }
    } else if (format.equals("csv")) {
      try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        List<Schema.Field> fields = SyntheticExamples.SCHEMA.getFields();
        writer.write(fields.stream().map(Schema.Field::name).collect(Collectors.joining(",")));
        writer.write('\n');
        StringBuilder line = new StringBuilder();
        for (long id = from; id < to; id++) {
          GenericRecord row = examples.row(id);
          line.setLength(0);
          for (Schema.Field field : fields) {
            Object value = row.get(field.pos());
            if (field.pos() > 0) {
              line.append(',');
            }
            // No value contains a comma, a quote or a line break, so none needs quoting.
            line.append(value == null ? "" : value);
          }
          writer.append(line).append('\n');
        }
      }
    } else {
      try (ParquetWriter<GenericRecord> writer =
          AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
              .withSchema(SyntheticExamples.SCHEMA)
              .withCompressionCodec(CompressionCodecName.SNAPPY)
              .build()) {
        for (long id = from; id < to; id++) {
          writer.write(examples.row(id));
        }
      }
    }
  }
}
