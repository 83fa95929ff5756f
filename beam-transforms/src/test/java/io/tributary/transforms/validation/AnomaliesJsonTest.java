package io.tributary.transforms.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.transforms.schema.ComparatorMetric;
import io.tributary.transforms.schema.Golden;
import io.tributary.transforms.statistics.ValueCount;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** anomalies.json: the golden file, round trips and the reader's errors. */
class AnomaliesJsonTest {
  private static final String GOLDEN = "anomalies-v2.json";
  /** Written before remedies existed (format version 1): still read. */
  private static final String GOLDEN_V1 = "anomalies-v1.json";

  static Anomalies sample() {
    Anomaly range =
        Anomaly.builder(AnomalyType.OUT_OF_RANGE, "body_mass_g")
            .setShortDescription("Values out of range")
            .setDescription("17 of 342 values (4.971%) lie outside [2340, 6660]: 17 above 6660 (the largest is 60000).")
            .setMeasured(17, 0)
            .setExamples(List.of(ValueCount.of("60000", 17)))
            .setRemedy("If these values are valid, widen the \"range\" of feature 'body_mass_g' in the schema.")
            .build();
    Anomaly empty =
        Anomaly.builder(AnomalyType.EMPTY_SPLIT, null)
            .setShortDescription("Empty split")
            .setDescription("Split 'eval' has no examples.")
            .setMeasured(0, 1)
            .setSeverity(Severity.WARNING)
            .build();
    Anomaly type =
        Anomaly.builder(AnomalyType.TYPE_MISMATCH, "year")
            .setShortDescription("Unexpected data type")
            .setDescription("The schema says INT but the data has FLOAT.")
            .setExamples(List.of(ValueCount.of("n/a", Double.NaN)))
            .build();
    Anomaly drift =
        Anomaly.builder(AnomalyType.DRIFT, "species")
            .setShortDescription("Drift (lInfinity)")
            .setDescription("The lInfinity distance between the previous and this span is 0.3, above the default threshold 0.1934 (for 172 and 172 values).")
            .setMeasured(0.3, 0.1934473943584111)
            .setMetric(ComparatorMetric.L_INFINITY)
            .build();
    return Anomalies.of(
        "penguins", "eval", "SERVING", List.of(range, empty, type, drift),
        List.of(
            DistanceResult.of("species", Comparison.DRIFT, ComparatorMetric.L_INFINITY, 0.3, 0.1934473943584111, false, 172, 172, 3),
            DistanceResult.of("species", Comparison.DRIFT, ComparatorMetric.NORMALIZED_ABS_DIFFERENCE, 0.15, Double.NaN, false, 172, 172, 3),
            DistanceResult.of("body_mass_g", Comparison.SKEW, ComparatorMetric.KOLMOGOROV_SMIRNOV, 0.02, 0.05, true, 230, 114, 300)));
  }

  @Test
  void goldenFilePinsTheFormat() {
    Golden.assertMatches(AnomaliesJsonTest.class, GOLDEN, AnomaliesJson.toJson(sample()));
    Anomalies read = AnomaliesJson.fromJson(Golden.read(AnomaliesJsonTest.class, GOLDEN));
    assertEquals(sample(), read);
  }

  @Test
  void versionOneFilesAreStillReadWithoutRemedies() {
    Anomalies old = AnomaliesJson.fromJson(Golden.read(AnomaliesJsonTest.class, GOLDEN_V1));
    List<Anomaly> withoutRemedies = sample().anomalies().stream().map(a -> a.toBuilder().setRemedy("").build()).toList();
    assertEquals(withoutRemedies, old.anomalies());
    assertEquals(sample().distances(), old.distances());
  }

  @Test
  void fileRoundTripOfARealValidation(@TempDir Path dir) throws IOException {
    Anomalies real =
        ExampleValidator.validate(io.tributary.transforms.schema.SchemaGen.infer().from(CsvTable.penguins().statistics()))
            .withDriftBaseline(CsvTable.penguins().shuffled(3, 0, 100).statistics())
            .check(CsvTable.penguins().edit("island", 10, v -> "Atlantis").statistics());
    AnomaliesJson.write(real, dir.resolve(AnomaliesJson.FILE_NAME));
    Anomalies read = AnomaliesJson.read(dir.resolve(AnomaliesJson.FILE_NAME));
    assertEquals(real, read);
    assertEquals(AnomaliesJson.toJson(real), AnomaliesJson.toJson(read));
  }

  @Test
  void readerErrorsNameTheField() {
    assertEquals("anomalies.formatVersion: version 9 is not supported; this reader reads 1 and 2",
        assertThrows(IllegalArgumentException.class,
            () -> AnomaliesJson.fromJson("{\"formatVersion\": 9}")).getMessage());
    String badType = AnomaliesJson.toJson(sample()).replace("\"OUT_OF_RANGE\"", "\"OUT_OF_BOUNDS\"");
    assertEquals(
        "anomalies.anomalies[0].type: 'OUT_OF_BOUNDS' is not one of [MISSING_FEATURE, NEW_FEATURE, TYPE_MISMATCH,"
            + " LOW_PRESENCE, ALL_MISSING, UNEXPECTED_VALUES, OUT_OF_RANGE, NAN_NOT_ALLOWED, EMPTY_SPLIT,"
            + " EXAMPLE_COUNT_OUT_OF_BOUNDS, SKEW, DRIFT]",
        assertThrows(IllegalArgumentException.class, () -> AnomaliesJson.fromJson(badType)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> AnomaliesJson.fromJson("not json"));
  }
}
