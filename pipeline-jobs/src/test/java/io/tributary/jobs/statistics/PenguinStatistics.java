package io.tributary.jobs.statistics;

import io.tributary.jobs.examplegen.ExampleGenJob;
import io.tributary.jobs.examplegen.ExampleGenOptions;
import io.tributary.jobs.examplegen.ExamplesArtifact;
import io.tributary.jobs.options.JobArguments;
import io.tributary.transforms.statistics.DatasetStatistics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;

/**
 * The real jobs on the penguin data, in this JVM: ExampleGen's examples, then StatisticsGen over
 * them. Shared by the job, runner and report tests so that each checks one concern.
 */
final class PenguinStatistics {

  static final Path PENGUINS =
      Paths.get("../samples/penguin/data/penguins.csv").toAbsolutePath().normalize();

  private PenguinStatistics() {}

  /** Runs ExampleGen on the penguins into {@code folder} (230 train and 114 eval rows). */
  static ExamplesArtifact examples(Path folder) {
    return examples(folder, PENGUINS);
  }

  /** Runs ExampleGen on another CSV file into {@code folder}. */
  static ExamplesArtifact examples(Path folder, Path csv) {
    ExampleGenOptions options =
        JobArguments.parse(
            new String[] {"--input=" + csv, "--output=" + folder}, ExampleGenOptions.class);
    return new ExampleGenJob(options, quiet()).run();
  }

  /** Runs StatisticsGen with these arguments; progress lines go to {@code progress}. */
  static List<DatasetStatistics> statistics(ByteArrayOutputStream progress, String... args) {
    StatisticsGenOptions options = JobArguments.parse(args, StatisticsGenOptions.class);
    return new StatisticsGenJob(options, new PrintStream(progress, true, StandardCharsets.UTF_8))
        .run();
  }

  /** Every record of a split folder's Avro files, to compute expected figures independently. */
  static List<GenericRecord> records(Path split) throws IOException {
    List<GenericRecord> records = new ArrayList<>();
    try (Stream<Path> files = Files.list(split)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".avro")).sorted().toList()) {
        try (DataFileReader<GenericRecord> reader =
            new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
          reader.forEach(records::add);
        }
      }
    }
    return records;
  }

  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }
}
