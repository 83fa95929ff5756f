package io.tributary.jobs.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.jobs.examplegen.ExamplesArtifact;
import io.tributary.jobs.options.UsageException;
import io.tributary.transforms.statistics.DatasetStatistics;
import io.tributary.transforms.statistics.FeatureType;
import io.tributary.transforms.statistics.SliceStatistics;
import io.tributary.transforms.statistics.StatisticsJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs ExampleGen and then the real StatisticsGen job in this JVM on the DirectRunner, and checks
 * what it leaves on disk against figures computed here from ExampleGen's Avro files.
 */
class StatisticsGenJobTest {

  @TempDir static Path shared;
  private static Path examples;
  private static ExamplesArtifact artifact;

  @TempDir Path dir;

  private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

  @BeforeAll
  static void exampleGen() {
    examples = shared.resolve("examples");
    artifact = PenguinStatistics.examples(examples);
  }

  private List<DatasetStatistics> run(String... args) {
    return PenguinStatistics.statistics(progress, args);
  }

  @Test
  void writesAJsonPerSplitAndOneReportWithExampleGensRowCounts() throws IOException {
    Path out = dir.resolve("statistics");
    List<DatasetStatistics> result = run("--examples=" + examples, "--output=" + out);

    assertEquals(List.of("train", "eval"), result.stream().map(DatasetStatistics::split).toList());
    for (DatasetStatistics split : result) {
      Path json = out.resolve("Split-" + split.split()).resolve(StatisticsJson.FILE_NAME);
      DatasetStatistics written = StatisticsJson.read(json);
      assertEquals(split, written, json + " holds what the job returned");
      assertEquals((long) artifact.splits().get(split.split()), written.rowCount());
      assertEquals("examples", written.name());
      assertTrue(written.slices().isEmpty());
    }
    assertEquals(344, result.get(0).rowCount() + result.get(1).rowCount());
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(
          List.of("Split-eval", "Split-train", StatisticsGenJob.REPORT),
          files.map(f -> f.getFileName().toString()).sorted().toList(),
          "nothing else is published");
    }
    String html = Files.readString(out.resolve(StatisticsGenJob.REPORT));
    assertTrue(html.contains("bill_length_mm") && html.contains("species"), "the report names features");
    String printed = progress.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("[statistics] done in"), printed);
    assertNoStagingLeft();
  }

  @Test
  void figuresMatchTheExamplesOnDisk() throws IOException {
    Path out = dir.resolve("statistics");
    DatasetStatistics train = run("--examples=" + examples, "--output=" + out).get(0);
    List<GenericRecord> records = PenguinStatistics.records(examples.resolve("Split-train"));

    List<Double> bills = present(records, "bill_length_mm");
    var bill = train.feature("bill_length_mm");
    assertEquals(FeatureType.FLOAT, bill.type());
    assertEquals(bills.size(), bill.numNonMissing());
    assertEquals(records.size() - bills.size(), bill.numMissing());
    assertEquals(bills.stream().mapToDouble(d -> d).min().orElseThrow(), bill.numeric().min());
    assertEquals(bills.stream().mapToDouble(d -> d).max().orElseThrow(), bill.numeric().max());
    assertEquals(bills.stream().mapToDouble(d -> d).average().orElseThrow(), bill.numeric().mean(), 1e-9);

    Map<String, Long> species = counts(records, "species");
    var speciesStatistics = train.feature("species").string();
    assertEquals(species.size(), speciesStatistics.distinctCount());
    assertEquals(
        species.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey(),
        speciesStatistics.topValues().get(0).value());
  }

  @Test
  void slicesByEachColumnAndWeighsRows() throws IOException {
    Path out = dir.resolve("statistics");
    List<DatasetStatistics> result =
        run("--examples=" + examples, "--output=" + out, "--slice=species,island",
            "--weight=body_mass_g", "--topK=2");
    for (DatasetStatistics split : result) {
      List<GenericRecord> records = PenguinStatistics.records(examples.resolve("Split-" + split.split()));
      for (String column : List.of("species", "island")) {
        Map<String, Long> expected = counts(records, column);
        Map<String, Long> sliced =
            split.slices().stream()
                .filter(s -> column.equals(s.column()))
                .collect(Collectors.toMap(SliceStatistics::value, SliceStatistics::rowCount, Long::sum, TreeMap::new));
        assertEquals(expected, sliced, split.split() + " sliced by " + column);
      }
      double weight = present(records, "body_mass_g").stream().mapToDouble(d -> d).sum();
      assertEquals(weight, split.overall().weightedRowCount(), 1e-6);
      assertEquals("body_mass_g", split.weightColumn());
      assertEquals(2, split.feature("island").string().topValues().size(), "--topK=2");
      SliceStatistics gentoo = split.slice("species", "Gentoo");
      assertEquals(List.of("Biscoe"), gentoo.feature("island").string().topValues().stream()
          .map(v -> v.value()).toList(), "Gentoos live on Biscoe only");
      assertEquals(split, StatisticsJson.read(out.resolve("Split-" + split.split()).resolve(StatisticsJson.FILE_NAME)));
    }
  }

  @Test
  void anUnknownSliceColumnIsAClearErrorAndLeavesNothing() {
    Path out = dir.resolve("statistics");
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class,
            () -> run("--examples=" + examples, "--output=" + out, "--slice=nope"));
    assertTrue(error.getMessage().contains("\"nope\"") && error.getMessage().contains("species"),
        error.getMessage());
    assertNoOutput();
  }

  @Test
  void aWeightThatIsNotNumericIsAClearErrorAndLeavesNothing() {
    Path out = dir.resolve("statistics");
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class,
            () -> run("--examples=" + examples, "--output=" + out, "--weight=island"));
    assertTrue(error.getMessage().contains("name a numeric column"), error.getMessage());
    assertNoOutput();
  }

  @Test
  void anUnknownSplitIsAUsageErrorAndLeavesNothing() {
    Path out = dir.resolve("statistics");
    UsageException error =
        assertThrows(UsageException.class,
            () -> run("--examples=" + examples, "--output=" + out, "--splits=nope"));
    assertTrue(error.getMessage().contains("'nope'") && error.getMessage().contains("[train, eval]"),
        error.getMessage());
    assertNoOutput();
  }

  @Test
  void aFolderWithoutSplitsIsAUsageErrorAndLeavesNothing() throws IOException {
    Path notExamples = Files.createDirectories(shared.resolve("not-examples"));
    Files.writeString(notExamples.resolve("data.avro"), "x");
    Path out = dir.resolve("statistics");
    UsageException error =
        assertThrows(UsageException.class,
            () -> run("--examples=" + notExamples, "--output=" + out));
    assertTrue(error.getMessage().contains("no Split-<name>/ folders"), error.getMessage());
    assertNoOutput();
  }

  @Test
  void selectedSplitsOnly() throws IOException {
    Path out = dir.resolve("statistics");
    List<DatasetStatistics> result = run("--examples=" + examples, "--output=" + out, "--splits=eval");
    assertEquals(List.of("eval"), result.stream().map(DatasetStatistics::split).toList());
    assertFalse(Files.exists(out.resolve("Split-train")));
    assertEquals(114, StatisticsJson.read(out.resolve("Split-eval/statistics.json")).rowCount());
  }

  private void assertNoOutput() {
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of(), left.toList(), "no output and no staging folder is left");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private void assertNoStagingLeft() throws IOException {
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of(dir.resolve("statistics")), left.toList());
    }
  }

  private static List<Double> present(List<GenericRecord> records, String field) {
    return records.stream()
        .map(r -> r.get(field))
        .filter(v -> v != null)
        .map(v -> ((Number) v).doubleValue())
        .toList();
  }

  private static Map<String, Long> counts(List<GenericRecord> records, String field) {
    return records.stream()
        .map(r -> r.get(field))
        .filter(v -> v != null)
        .collect(Collectors.groupingBy(Object::toString, TreeMap::new, Collectors.counting()));
  }
}
