package io.tributary.jobs.validation;

import io.tributary.jobs.testing.CliRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.schema.DatasetSchema;
import io.tributary.transforms.schema.SchemaJson;
import io.tributary.transforms.validation.Anomalies;
import io.tributary.transforms.validation.AnomaliesJson;
import io.tributary.transforms.validation.Anomaly;
import io.tributary.transforms.validation.AnomalyType;
import io.tributary.transforms.validation.Comparison;
import io.tributary.transforms.validation.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tributary schemagen} and {@code tributary validate} as a user runs them, on the penguins and
 * copies derived from them ({@link PenguinCorruptions}): outputs, exit codes, drift and skew.
 */
class ValidateCommandsTest {

  private static final PenguinCorruptions DATA = PenguinCorruptions.get();

  @TempDir Path dir;

  @Test
  void schemagenWritesACuratableSchemaWithTheLabelAbsentInServing() throws IOException {
    Path out = dir.resolve("schema");
    CliRun run = CliRun.of("schemagen", "--statistics=" + DATA.cleanStatistics, "--output=" + out, "--label=species",
        "--max-domain-size=2");
    assertEquals(0, run.exitCode(), run.err());
    DatasetSchema schema = SchemaJson.read(out.resolve("schema.json"));
    assertEquals(List.of(DatasetSchema.SERVING), schema.feature("species").orElseThrow().notInEnvironments());
    assertEquals(List.of("female", "male"), schema.feature("sex").orElseThrow().domain());
    assertEquals(null, schema.feature("island").orElseThrow().domain(), "3 islands are more than --max-domain-size");
    assertTrue(run.out().contains("schema of 8 features inferred from split train, checked on split(s) eval: "), run.out());
    assertTrue(run.out().contains("[schemagen] island: no domain: 3 distinct values, more than the 2 a domain may have"),
        run.out());
    assertEquals(List.of("species: no domain: 3 distinct values, more than the 2 a domain may have",
            "island: no domain: 3 distinct values, more than the 2 a domain may have"),
        Files.readAllLines(out.resolve("inference.txt")));

    assertEquals(2, CliRun.of("schemagen", "--statistics=" + DATA.cleanStatistics, "--output=" + out).exitCode(),
        "an existing output is kept");
    CliRun wrongSplit = CliRun.of("schemagen", "--statistics=" + DATA.cleanStatistics, "--output=" + dir.resolve("x"),
        "--split=test");
    assertEquals(2, wrongSplit.exitCode());
    assertTrue(wrongSplit.err().contains("has no split 'test'; it has [eval, train]"), wrongSplit.err());
    assertFalse(Files.exists(dir.resolve("x")));
  }

  @Test
  void cleanDataPassesItsOwnSchemaAndExitsZero() throws IOException {
    Path out = dir.resolve("anomalies");
    CliRun run = validate("--statistics=" + DATA.cleanStatistics, "--output=" + out);
    assertEquals(0, run.exitCode(), run.out() + run.err());
    for (String split : List.of("train", "eval")) {
      assertEquals(List.of(), read(out, "Split-" + split).errors(), split);
    }
    assertTrue(Files.exists(out.resolve("anomalies.html")));
    assertTrue(run.out().contains("0 error(s), 0 warning(s) in 2 split(s)"), run.out());
  }

  @Test
  void everyCorruptionIsReportedAndFailsTheCheck() throws IOException {
    Path out = dir.resolve("anomalies");
    CliRun run = validate("--statistics=" + DATA.corruptedStatistics, "--output=" + out);
    assertEquals(3, run.exitCode(), run.out());
    assertTrue(run.err().matches("tributary validate: \\d+ anomalies at or above --failOn=error\\s*"), run.err());
    Set<String> found = new HashSet<>();
    for (String split : List.of("train", "eval")) {
      read(out, "Split-" + split).errors().forEach(a -> found.add(a.type() + ":" + a.feature()));
      assertTrue(read(out, "Split-" + split).anomalies().stream().noneMatch(a -> a.remedy().isEmpty()),
          "every anomaly says how to accept or fix it");
    }
    assertEquals(
        Set.of("OUT_OF_RANGE:body_mass_g", "UNEXPECTED_VALUES:sex", "UNEXPECTED_VALUES:species",
            "LOW_PRESENCE:species", "TYPE_MISMATCH:flipper_length_mm"),
        found);
    assertTrue(run.out().contains("eval: ERROR flipper_length_mm: Numbers arrived as text"), run.out());
    assertTrue(run.out().contains("[validate]   to accept or fix: Fix the values that are not numbers at the source"),
        run.out());
    assertTrue(run.out().contains("[validate]   to accept or fix: Fix the spelling in the data, or, if they are valid"
        + " values, add them to the \"domain\" of feature 'species' in the schema"), run.out());
    assertTrue(run.out().contains("[validate] to accept what the lines above call valid, edit the fields they name in a"
        + " copy of " + DATA.schema.resolve("schema.json")), run.out());

    CliRun never = validate("--statistics=" + DATA.corruptedStatistics, "--output=" + dir.resolve("never"),
        "--fail-on=never");
    assertEquals(0, never.exitCode(), "--fail-on=never reports without failing");
    assertTrue(Files.exists(dir.resolve("never/Split-eval/anomalies.json")));
  }

  @Test
  void aShiftedSpanDriftsAndAnotherSampleDoesNot() throws IOException {
    Path out = dir.resolve("drift");
    CliRun run = validate("--statistics=" + DATA.shiftedStatistics, "--baseline-statistics=" + DATA.cleanStatistics,
        "--output=" + out, "--fail-on=never");
    assertEquals(0, run.exitCode(), run.err());
    for (String split : List.of("train", "eval")) {
      Anomalies anomalies = read(out, "Split-" + split);
      Set<String> drifted = anomalies.ofType(AnomalyType.DRIFT).stream()
          .map(a -> a.feature() + ":" + a.metric().jsonName()).collect(Collectors.toSet());
      assertTrue(drifted.containsAll(Set.of("body_mass_g:kolmogorovSmirnov", "species:lInfinity")), split + " " + drifted);
      assertTrue(anomalies.ofType(AnomalyType.DRIFT).stream().allMatch(a -> a.severity() == Severity.WARNING));
      assertEquals(8 * 4, anomalies.distances().size(), "every feature's distances, over the threshold or not");
      assertTrue(anomalies.distances().stream().allMatch(d -> d.comparison() == Comparison.DRIFT));
    }
    // The train split of the clean penguins against their eval split as the baseline: no drift.
    Path baseline = Files.createDirectories(dir.resolve("baseline"));
    Files.createSymbolicLink(baseline.resolve("Split-train"), DATA.cleanStatistics.resolve("Split-eval"));
    CliRun same = validate("--statistics=" + DATA.cleanStatistics, "--baseline-statistics=" + baseline,
        "--output=" + dir.resolve("same"), "--fail-on=warning");
    assertEquals(0, same.exitCode(), same.out());
    assertEquals(8 * 4, read(dir.resolve("same"), "Split-train").distances().size());
    assertEquals(List.of(), read(dir.resolve("same"), "Split-eval").distances(), "no baseline for eval");
  }

  @Test
  void servingDataIsComparedWithTheTrainingSplitForSkew() throws IOException {
    Path out = dir.resolve("skew");
    CliRun clean = validate("--statistics=" + DATA.cleanStatistics, "--serving-statistics=" + DATA.cleanStatistics,
        "--output=" + out);
    assertEquals(0, clean.exitCode(), clean.out());
    Anomalies eval = read(out, "serving/Split-eval");
    assertEquals(DatasetSchema.SERVING, eval.environment());
    assertEquals(List.of(), eval.anomalies(), "another sample of the training data is not skewed");
    assertEquals(7 * 4, eval.distances().size(), "every feature but the label, absent in SERVING");
    assertTrue(eval.distances().stream().allMatch(d -> d.comparison() == Comparison.SKEW && !d.feature().equals("species")));
    assertEquals(List.of(), read(out, "Split-eval").distances(), "the validated splits get no skew");

    CliRun shifted = validate("--statistics=" + DATA.cleanStatistics, "--serving-statistics=" + DATA.shiftedStatistics,
        "--output=" + dir.resolve("shifted"), "--training-split=train");
    assertEquals(3, shifted.exitCode(), shifted.out());
    List<Anomaly> skew = read(dir.resolve("shifted"), "serving/Split-eval").ofType(AnomalyType.SKEW);
    assertTrue(skew.stream().anyMatch(a -> a.feature().equals("body_mass_g") && a.severity() == Severity.ERROR), skew.toString());
    assertTrue(shifted.out().contains("serving eval: ERROR body_mass_g: Training/serving skew"), shifted.out());

    CliRun wrongSplit = validate("--statistics=" + DATA.cleanStatistics, "--serving-statistics=" + DATA.shiftedStatistics,
        "--output=" + dir.resolve("none"), "--training-split=test");
    assertEquals(2, wrongSplit.exitCode());
    assertTrue(wrongSplit.err().startsWith("tributary validate: --trainingSplit=test: "), wrongSplit.err());
    assertFalse(Files.exists(dir.resolve("none")), "nothing is written when an option is wrong");
  }

  private static CliRun validate(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "validate";
    all[1] = "--schema=" + DATA.schema;
    System.arraycopy(args, 0, all, 2, args.length);
    return CliRun.of(all);
  }

  private static Anomalies read(Path out, String folder) throws IOException {
    return AnomaliesJson.read(out.resolve(folder).resolve("anomalies.json"));
  }
}
