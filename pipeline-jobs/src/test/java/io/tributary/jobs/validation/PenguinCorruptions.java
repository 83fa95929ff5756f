package io.tributary.jobs.validation;

import io.tributary.jobs.examplegen.ExampleGenJob;
import io.tributary.jobs.examplegen.ExampleGenOptions;
import io.tributary.jobs.execution.Progress;
import io.tributary.jobs.options.JobArguments;
import io.tributary.jobs.statistics.StatisticsGenJob;
import io.tributary.jobs.statistics.StatisticsGenOptions;
import io.tributary.transforms.schema.SchemaGen;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The penguin file and copies derived from it, through the real jobs, built once per JVM: the clean
 * examples, their statistics and the schema inferred from the train split (label {@code species});
 * a corrupted copy (5% of the masses far out of range, unseen and case-variant categories, blanked
 * labels, numbers turned into text, and malformed lines); a shifted copy (every penguin 800 g
 * heavier, three in four Adelie relabelled Gentoo).
 */
final class PenguinCorruptions {

  static final Path CSV = Path.of("../samples/penguin/data/penguins.csv").toAbsolutePath().normalize();

  /** Lines added after a row index: too few fields, an unbalanced quote, too many fields. */
  private static final Map<Integer, String> MALFORMED = Map.of(
      74, "Adelie,Dream,39.5",
      149, "\"Chinstrap,Dream,46.1,17.2,190,3500,female,2008",
      299, "Gentoo,Biscoe,47.5,15,215,5000,male,2008,extra");

  private static PenguinCorruptions instance;

  final Path cleanExamples;
  final Path cleanStatistics;
  final Path schema;
  final Path corruptedExamples;
  final Path corruptedStatistics;
  /** The 1-based line numbers of the malformed lines in the corrupted file. */
  final List<Long> malformedLines = new ArrayList<>();
  /** How many well-formed rows of the corrupted file break the schema. */
  final long invalidRows;
  final Path shiftedStatistics;

  private PenguinCorruptions(Path root) throws IOException {
    List<String> lines = Files.readAllLines(CSV);
    List<String> header = List.of(lines.get(0).split(","));
    List<String[]> rows = new ArrayList<>();
    lines.subList(1, lines.size()).forEach(line -> rows.add(line.split(",", -1)));

    cleanExamples = examples(CSV, root.resolve("clean"));
    cleanStatistics = statistics(cleanExamples, root.resolve("clean-statistics"));
    schema = root.resolve("schema");
    SchemaGenJob.run(cleanStatistics, "train", SchemaGen.infer(), "species", schema, false, quiet("schemagen"));

    List<String> corrupted = new ArrayList<>(List.of(lines.get(0)));
    long invalid = 0;
    for (int i = 0; i < rows.size(); i++) {
      String[] row = rows.get(i).clone();
      boolean changed = edit(row, header, "body_mass_g", i % 20 == 0, v -> v.equals("NA") ? v : "60000");
      changed |= edit(row, header, "sex", i % 25 == 0, v -> "unknown");
      changed |= edit(row, header, "species", i % 30 == 0, v -> v.equals("Adelie") ? "adelie" : v);
      changed |= edit(row, header, "species", i % 40 == 0, v -> "NA");
      changed |= edit(row, header, "flipper_length_mm", i % 50 == 0, v -> v.equals("NA") ? v : v + " mm");
      invalid += changed ? 1 : 0;
      corrupted.add(String.join(",", row));
      String malformed = MALFORMED.get(i);
      if (malformed != null) {
        corrupted.add(malformed);
        malformedLines.add((long) corrupted.size());
      }
    }
    invalidRows = invalid;
    Path corruptedCsv = Files.write(root.resolve("corrupted.csv"), corrupted);
    corruptedExamples = examples(corruptedCsv, root.resolve("corrupted"));
    corruptedStatistics = statistics(corruptedExamples, root.resolve("corrupted-statistics"));

    List<String> shifted = new ArrayList<>(List.of(lines.get(0)));
    for (int i = 0; i < rows.size(); i++) {
      String[] row = rows.get(i).clone();
      edit(row, header, "body_mass_g", true, v -> v.equals("NA") ? v : Long.toString(Long.parseLong(v) + 800));
      edit(row, header, "species", i % 4 != 0, v -> v.equals("Adelie") ? "Gentoo" : v);
      shifted.add(String.join(",", row));
    }
    shiftedStatistics =
        statistics(examples(Files.write(root.resolve("shifted.csv"), shifted), root.resolve("shifted")),
            root.resolve("shifted-statistics"));
  }

  static synchronized PenguinCorruptions get() {
    if (instance == null) {
      try {
        Path root = Files.createTempDirectory("tributary-penguin-corruptions");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
        instance = new PenguinCorruptions(root);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }

  /** Rewrites the cell of {@code column} when {@code when}; whether the cell changed. */
  private static boolean edit(String[] row, List<String> header, String column, boolean when, UnaryOperator<String> change) {
    int index = header.indexOf(column);
    String before = row[index];
    if (when) {
      row[index] = change.apply(before);
    }
    return !row[index].equals(before);
  }

  static Path examples(Path csv, Path output) {
    new ExampleGenJob(JobArguments.parse(new String[] {"--input=" + csv, "--output=" + output}, ExampleGenOptions.class),
        quietStream()).run();
    return output;
  }

  static Path statistics(Path examples, Path output) {
    new StatisticsGenJob(JobArguments.parse(new String[] {"--examples=" + examples, "--output=" + output},
        StatisticsGenOptions.class), quietStream()).run();
    return output;
  }

  static Progress quiet(String job) {
    return new Progress(job, quietStream());
  }

  private static PrintStream quietStream() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }

  static void delete(Path root) {
    try (var paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      System.err.println("cannot delete " + root + ": " + e.getMessage());
    }
  }
}
