package io.tributary.jobs.validation;

import io.tributary.jobs.testing.CliRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tributary validate-records} on the corrupted penguins ({@link PenguinCorruptions}): every
 * failing record once, with its reasons, counts per reason, exit codes; and the malformed lines,
 * which never become examples, in ExampleGen's dead letters with their line numbers.
 */
class ValidateRecordsJobTest {

  private static final PenguinCorruptions DATA = PenguinCorruptions.get();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void everyFailingRecordIsWrittenOnceWithItsReasons() throws IOException {
    Path out = dir.resolve("records");
    CliRun run = CliRun.of("validate-records", "--examples=" + DATA.corruptedExamples, "--schema=" + DATA.schema,
        "--output=" + out);
    assertEquals(3, run.exitCode(), run.out() + run.err());
    assertTrue(run.err().startsWith("tributary validate-records: " + DATA.invalidRows + " of 344 records invalid,"),
        run.err());

    RecordValidationSummary summary = RecordValidationSummary.read(out);
    assertEquals(List.of("train", "eval"), List.copyOf(summary.splits().keySet()));
    assertEquals(344, summary.records());
    assertEquals(DATA.invalidRows, summary.invalid());
    assertTrue(summary.failed());
    List<JsonNode> errors = new ArrayList<>();
    summary.splits().forEach((split, counts) -> {
      assertEquals(counts.records(), counts.valid() + counts.invalid(), split);
      List<JsonNode> lines = lines(out.resolve(counts.errors()));
      assertEquals(counts.invalid(), lines.size(), split + ": one line per invalid record");
      lines.forEach(e -> assertTrue(e.get("source").asText().endsWith("/Split-" + split), e.toString()));
      errors.addAll(lines);
    });
    Map<String, Long> reasons = new java.util.TreeMap<>();
    summary.splits().values().forEach(c -> c.reasons().forEach((k, v) -> reasons.merge(k, v, Long::sum)));
    assertEquals(
        List.of("body_mass_g:out_of_range", "flipper_length_mm:not_a_number", "sex:not_in_domain", "species:missing",
            "species:not_in_domain"),
        List.copyOf(reasons.keySet()));
    // Rows 0, 20, ..., 340 whose mass was not NA: 18, as in the file. The range is the train split's, widened by 10%.
    assertEquals(18, reasons.get("body_mass_g:out_of_range"));
    assertEquals(9, reasons.get("species:missing"));
    assertEquals(7, reasons.get("flipper_length_mm:not_a_number"));

    JsonNode heavy = errors.stream()
        .filter(e -> e.get("record").get("body_mass_g").asLong() == 60000 && e.get("reasons").size() == 1)
        .findFirst().orElseThrow();
    assertTrue(heavy.get("line").isNull(), "examples carry no line numbers");
    assertEquals("body_mass_g: 60000 is outside the range [2365, 6385]", heavy.get("reasons").get(0).asText());
    assertTrue(run.out().contains("[validate-records] eval: "), run.out());
  }

  @Test
  void limitsAndEnvironmentsDecideTheExitCode() throws IOException {
    CliRun withinShare = CliRun.of("validate-records", "--examples=" + DATA.corruptedExamples, "--schema=" + DATA.schema,
        "--output=" + dir.resolve("share"), "--failOn=50%", "--environment=SERVING", "--splits=eval");
    assertEquals(0, withinShare.exitCode(), withinShare.out() + withinShare.err());
    RecordValidationSummary summary = RecordValidationSummary.read(dir.resolve("share"));
    assertEquals(List.of("eval"), List.copyOf(summary.splits().keySet()));
    assertEquals("SERVING", summary.environment());
    assertFalse(summary.failed());
    assertTrue(summary.invalid() > 0);
    assertTrue(summary.splits().get("eval").reasons().keySet().stream().noneMatch(k -> k.startsWith("species:")),
        "the label is not checked in SERVING");

    CliRun clean = CliRun.of("validate-records", "--examples=" + DATA.cleanExamples, "--schema=" + DATA.schema,
        "--output=" + dir.resolve("clean"));
    assertEquals(0, clean.exitCode(), clean.out() + clean.err());
    assertEquals(0, RecordValidationSummary.read(dir.resolve("clean")).invalid());
  }

  @Test
  void wrongOptionsAndImpossibleSchemasExitTwoAndWriteNothing() throws IOException {
    CliRun badLimit = CliRun.of("validate-records", "--examples=" + DATA.cleanExamples, "--schema=" + DATA.schema,
        "--output=" + dir.resolve("a"), "--failOn=lots");
    assertEquals(2, badLimit.exitCode());
    assertTrue(badLimit.err().startsWith("tributary validate-records: --failOn=lots: use any, never,"), badLimit.err());

    // A curated schema that requires a column the examples do not have: found before any record is read.
    Path schema = dir.resolve("schema.json");
    Files.writeString(schema, Files.readString(DATA.schema.resolve("schema.json"))
        .replace("\"features\" : [", "\"features\" : [ {\"name\": \"tag\", \"type\": \"STRING\", \"minFraction\": 1.0},"));
    CliRun missing = CliRun.of("validate-records", "--examples=" + DATA.cleanExamples, "--schema=" + schema,
        "--output=" + dir.resolve("b"));
    assertEquals(2, missing.exitCode(), missing.err());
    assertTrue(missing.err().startsWith("tributary validate-records: Split-train: the input has no column 'tag'"),
        missing.err());
    assertFalse(Files.exists(dir.resolve("a")));
    assertFalse(Files.exists(dir.resolve("b")));
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of(schema), left.toList(), "no staging folder is left behind");
    }
  }

  @Test
  void helpDocumentsEveryOption() {
    String records = CliRun.of("validate-records", "--help").out();
    for (String option : List.of("--examples", "--schema", "--output", "--environment", "--splits", "--failOn",
        "--overwrite", "--profile")) {
      assertTrue(records.contains(option), option + " of validate-records is documented");
    }
    String validate = CliRun.of("validate", "--help").out();
    for (String option : List.of("--baselineStatistics", "--servingStatistics", "--trainingSplit",
        "--servingEnvironment", "--environment", "--failOn")) {
      assertTrue(validate.contains(option), option + " of validate is documented");
    }
  }

  @Test
  void malformedLinesAreExampleGensDeadLettersWithTheirLineNumbers() throws IOException {
    List<JsonNode> deadLetters = lines(DATA.corruptedExamples.resolve("errors"));
    assertEquals(DATA.malformedLines, deadLetters.stream().map(d -> d.get("line").asLong()).sorted().toList());
    deadLetters.forEach(d -> assertTrue(d.get("source").asText().endsWith("corrupted.csv"), d.toString()));
  }

  private static List<JsonNode> lines(Path folder) {
    List<JsonNode> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.sorted().toList()) {
        for (String line : Files.readAllLines(file)) {
          if (!line.isBlank()) {
            lines.add(JSON.readTree(line));
          }
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return lines;
  }
}
