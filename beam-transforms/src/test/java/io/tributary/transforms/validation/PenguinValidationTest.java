package io.tributary.transforms.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.schema.ComparatorMetric;
import io.tributary.transforms.schema.DatasetSchema;
import io.tributary.transforms.schema.SchemaGen;
import io.tributary.transforms.statistics.DatasetStatistics;
import io.tributary.transforms.statistics.ValueCount;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * End to end on the penguin file: a schema inferred from the clean data with default settings, then
 * corrupted copies validated against it. Every corruption must be reported; the clean data and
 * another sample of it must raise no ERROR.
 */
class PenguinValidationTest {
  private static final CsvTable CLEAN = CsvTable.penguins();
  private static final DatasetSchema SCHEMA = SchemaGen.infer().withLabel("species").from(CLEAN.statistics());

  private static Anomalies validate(CsvTable table) {
    return ExampleValidator.validate(SCHEMA).check(table.statistics());
  }

  private static Anomaly only(Anomalies anomalies, AnomalyType type, String feature) {
    List<Anomaly> found =
        anomalies.ofType(type).stream().filter(a -> feature.equals(a.feature())).collect(Collectors.toList());
    assertEquals(1, found.size(), () -> "expected one " + type + " of " + feature + " in " + anomalies.anomalies());
    return found.get(0);
  }

  @Test
  void cleanDataPassesItsOwnSchema() {
    Anomalies anomalies = validate(CLEAN);
    assertEquals(List.of(), anomalies.anomalies());
    assertFalse(anomalies.hasErrors());
  }

  @Test
  void anotherSampleOfTheSameDataRaisesNoError() {
    DatasetSchema half = SchemaGen.infer().from(CLEAN.shuffled(7, 0, 172).statistics());
    Anomalies other = ExampleValidator.validate(half).check(CLEAN.shuffled(7, 172, 344).statistics());
    assertEquals(List.of(), other.errors());
  }

  @Test
  void droppedColumnIsMissing() {
    Anomaly anomaly = only(validate(CLEAN.drop("island")), AnomalyType.MISSING_FEATURE, "island");
    assertEquals(Severity.ERROR, anomaly.severity());
    assertEquals(0.0, anomaly.measured());
    assertEquals(1.0, anomaly.threshold());
  }

  @Test
  void fivePercentFarOutOfRangeIsCountedWithTheExtreme() {
    // Every 20th row: 18 of the 344 rows, 5%; rows whose mass is NA stay NA.
    CsvTable corrupted = CLEAN.edit("body_mass_g", 20, v -> v.equals("NA") ? v : "60000");
    long changed = corrupted.rows().stream().filter(r -> Long.valueOf(60000).equals(r.getInt64("body_mass_g"))).count();
    Anomaly anomaly = only(validate(corrupted), AnomalyType.OUT_OF_RANGE, "body_mass_g");
    assertEquals(Severity.ERROR, anomaly.severity());
    assertEquals(6660.0, SCHEMA.feature("body_mass_g").orElseThrow().max());
    assertEquals(18, changed);
    // 342 values overflow the KLL sketch's exact mode: the count is within its ±1.33% rank error.
    assertEquals(changed, anomaly.measured(), 0.0133 * 342 + 1);
    assertEquals(List.of("60000"), anomaly.examples().stream().map(ValueCount::value).collect(Collectors.toList()));
    assertTrue(anomaly.description().contains("the largest is 60000"), anomaly.description());
  }

  @Test
  void unseenCategoriesAndCaseVariantsAreListedWithCounts() {
    CsvTable corrupted =
        CLEAN.edit("island", 25, v -> "Atlantis").edit("species", 30, v -> v.equals("Adelie") ? "adelie" : v);
    Anomalies anomalies = validate(corrupted);
    Anomaly island = only(anomalies, AnomalyType.UNEXPECTED_VALUES, "island");
    assertEquals(List.of(ValueCount.of("Atlantis", 14.0)), island.examples());
    assertEquals(14.0, island.measured());
    Anomaly species = only(anomalies, AnomalyType.UNEXPECTED_VALUES, "species");
    long adelies = 0;
    for (int i = 0; i < CLEAN.size(); i += 30) {
      adelies += CLEAN.cell(i, "species").equals("Adelie") ? 1 : 0;
    }
    assertEquals(List.of(ValueCount.of("adelie", adelies)), species.examples());
    assertTrue(species.description().contains("'adelie' (differs only in case from 'Adelie')"), species.description());
  }

  @Test
  void blankedLabelIsLowPresence() {
    CsvTable corrupted = CLEAN.edit("species", 40, v -> "NA");
    Anomaly anomaly = only(validate(corrupted), AnomalyType.LOW_PRESENCE, "species");
    assertEquals(335.0 / 344, anomaly.measured(), 1e-12);
    assertEquals(1.0, anomaly.threshold());
    assertEquals(Severity.ERROR, anomaly.severity());
    // Serving data may lack the label: the same data validated in SERVING has no anomaly.
    assertEquals(List.of(), ExampleValidator.validate(SCHEMA).inEnvironment(DatasetSchema.SERVING)
        .check(corrupted.drop("species").statistics()).anomalies());
  }

  @Test
  void numbersTurnedIntoTextAreATypeMismatch() {
    CsvTable corrupted = CLEAN.edit("flipper_length_mm", 50, v -> v + " mm");
    Anomaly anomaly = only(validate(corrupted), AnomalyType.TYPE_MISMATCH, "flipper_length_mm");
    assertEquals("Numbers arrived as text", anomaly.shortDescription());
    // 7 of the 342 present values were rewritten (rows 0, 50, ..., 300), none of them NA.
    assertEquals(335.0 / 342, anomaly.measured(), 1e-12);
    assertEquals(7, anomaly.examples().size());
    assertTrue(anomaly.examples().stream().allMatch(e -> e.value().endsWith(" mm") && e.count() == 1.0));
  }

  @Test
  void everyCorruptionAtOnceIsReported() {
    CsvTable corrupted =
        CLEAN.drop("island")
            .edit("body_mass_g", 20, v -> v.equals("NA") ? v : "60000")
            .edit("species", 30, v -> "adelie")
            .edit("species", 40, v -> "NA")
            .edit("flipper_length_mm", 50, v -> v + " mm")
            .edit("sex", 60, v -> "unknown");
    Set<String> found =
        validate(corrupted).anomalies().stream()
            .map(a -> a.type() + ":" + a.feature())
            .collect(Collectors.toSet());
    assertEquals(
        Set.of("MISSING_FEATURE:island", "OUT_OF_RANGE:body_mass_g", "UNEXPECTED_VALUES:species",
            "LOW_PRESENCE:species", "TYPE_MISMATCH:flipper_length_mm", "UNEXPECTED_VALUES:sex"),
        found);
  }

  @Test
  void disjointRandomHalvesDoNotDrift() {
    for (long seed = 1; seed <= 5; seed++) {
      DatasetStatistics first = CLEAN.shuffled(seed, 0, 172).statistics();
      DatasetStatistics second = CLEAN.shuffled(seed, 172, 344).statistics();
      Anomalies anomalies = ExampleValidator.validate(SCHEMA).withDriftBaseline(first).check(second);
      assertEquals(List.of(), anomalies.ofType(AnomalyType.DRIFT), "seed " + seed);
      // Every feature and applicable metric is reported: 8 features; numeric 4 metrics, categorical 4.
      assertEquals(8 * 4, anomalies.distances().size());
    }
  }

  @Test
  void shiftedCopyDrifts() {
    DatasetStatistics first = CLEAN.shuffled(1, 0, 172).statistics();
    CsvTable second = CLEAN.shuffled(1, 172, 344);
    // One standard deviation heavier (800 g), and three in four Adelie penguins relabelled Gentoo
    // (at 172 values a side, the default L-infinity threshold is 0.19 of a share).
    CsvTable shifted =
        second.edit("body_mass_g", 1, v -> v.equals("NA") ? v : Long.toString(Long.parseLong(v) + 800))
            .edit("species", i -> i % 4 != 0, v -> v.equals("Adelie") ? "Gentoo" : v);
    Anomalies anomalies = ExampleValidator.validate(SCHEMA).withDriftBaseline(first).check(shifted.statistics());
    Set<String> drifted =
        anomalies.ofType(AnomalyType.DRIFT).stream()
            .map(a -> a.feature() + ":" + a.metric().jsonName())
            .collect(Collectors.toSet());
    assertTrue(drifted.containsAll(Set.of(
        "body_mass_g:kolmogorovSmirnov", "body_mass_g:jensenShannon", "body_mass_g:populationStabilityIndex",
        "species:lInfinity", "species:jensenShannon")), drifted.toString());
    assertTrue(anomalies.ofType(AnomalyType.DRIFT).stream().allMatch(a -> a.severity() == Severity.WARNING));
    assertTrue(anomalies.distances().stream()
        .anyMatch(d -> d.feature().equals("bill_length_mm") && d.metric() == ComparatorMetric.KOLMOGOROV_SMIRNOV
            && !d.exceeded()));
  }
}
