package io.tributary.transforms.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.schema.ComparatorMetric;
import io.tributary.transforms.validation.Anomalies;
import io.tributary.transforms.validation.Anomaly;
import io.tributary.transforms.validation.AnomalyType;
import io.tributary.transforms.validation.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which findings become alerts, their stable ids, and alerts.json read back as written. */
class AlertsTest {

  private static Anomaly anomaly(AnomalyType type, String feature, double measured, double threshold,
      ComparatorMetric metric) {
    return Anomaly.builder(type, feature).setShortDescription(type.name()).setDescription(type + " of " + feature)
        .setMeasured(measured, threshold).setMetric(metric).build();
  }

  private static Anomalies of(Anomaly... anomalies) {
    return Anomalies.of("penguin", "202612072100", "SERVING", List.of(anomalies), List.of());
  }

  @Test
  void oneAlertPerFeatureAndKindWithTheDistanceFurthestPastItsThreshold() {
    List<Alert> alerts = Alerts.of("penguin", 1, 202612072100L)
        .withFeatureNames(name -> name.equals("flipper") ? "Flipper Length (mm)" : name)
        .fromValidation(of(
            anomaly(AnomalyType.SKEW, "flipper", 0.30, 0.20, ComparatorMetric.KOLMOGOROV_SMIRNOV),
            anomaly(AnomalyType.SKEW, "flipper", 1.60, 0.28, ComparatorMetric.POPULATION_STABILITY_INDEX),
            anomaly(AnomalyType.DRIFT, "flipper", 0.25, 0.20, ComparatorMetric.KOLMOGOROV_SMIRNOV).withSeverity(Severity.WARNING),
            anomaly(AnomalyType.OUT_OF_RANGE, "flipper", 17, 9, null),
            anomaly(AnomalyType.UNEXPECTED_VALUES, "island", 1, 3, null).withSeverity(Severity.WARNING),
            anomaly(AnomalyType.EMPTY_SPLIT, null, Double.NaN, Double.NaN, null)))
        .alerts();
    assertEquals(List.of(
            "skew/penguin/1/202612072100/Flipper Length (mm)",
            "drift/penguin/1/202612072100/Flipper Length (mm)",
            "schema/penguin/1/202612072100/Flipper Length (mm)/OUT_OF_RANGE",
            "schema/penguin/1/202612072100/-/EMPTY_SPLIT"),
        alerts.stream().map(Alert::id).toList(), "a warning that is not drift is no alert");
    assertEquals("populationStabilityIndex", alerts.get(0).check(), "5.7 times its threshold beats 1.5 times");
    assertEquals(1.60, alerts.get(0).measured());
  }

  @Test
  void predictionDriftAndRealizedMetrics() {
    List<Alert> alerts = Alerts.of("penguin", 2, 202612072200L)
        .fromPredictionDrift(of(anomaly(AnomalyType.DRIFT, "prediction", 0.4, 0.2, ComparatorMetric.L_INFINITY),
            anomaly(AnomalyType.MISSING_FEATURE, "x", Double.NaN, Double.NaN, null)))
        .minimum("accuracy", 0.72, 0.8)
        .minimum("macroF1", 0.9, 0.8)
        .maximum("rmse", 12.0, 10.0)
        .alerts();
    assertEquals(List.of("prediction_drift/penguin/2/202612072200/prediction", "metric/penguin/2/202612072200/accuracy",
        "metric/penguin/2/202612072200/rmse"), alerts.stream().map(Alert::id).toList());
    assertEquals("span 202612072200: metric accuracy accuracy 0.7200 < 0.8000", alerts.get(1).line());
    assertThrows(IllegalStateException.class, () -> Alerts.of("m", 1, 1).minimum("accuracy", 0, 1).withFeatureNames(n -> n));
  }

  @Test
  void alertsJsonReadsBackWhatItWrote(@TempDir Path dir) throws Exception {
    List<Alert> alerts = Alerts.of("penguin", 1, 202612072100L).fromValidation(of(
        anomaly(AnomalyType.SKEW, "flipper", 0.30, 0.20, ComparatorMetric.KOLMOGOROV_SMIRNOV),
        anomaly(AnomalyType.EMPTY_SPLIT, null, Double.NaN, Double.NaN, null))).alerts();
    AlertsJson.Contents contents = new AlertsJson.Contents("penguin", 1, List.of(202612072000L, 202612072100L), alerts);
    Path file = dir.resolve(AlertsJson.FILE_NAME);
    AlertsJson.write(contents, file);
    assertEquals(contents, AlertsJson.read(file));
    assertTrue(Files.readString(file).contains("\"measured\" : null"), "NaN is null in JSON");
    Files.writeString(file, Files.readString(file).replace("\"formatVersion\" : 1", "\"formatVersion\" : 9"));
    assertTrue(assertThrows(java.io.IOException.class, () -> AlertsJson.read(file)).getMessage().contains("upgrade Tributary"));
  }
}
