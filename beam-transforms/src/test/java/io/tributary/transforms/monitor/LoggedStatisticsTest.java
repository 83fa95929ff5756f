package io.tributary.transforms.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.schema.DatasetSchema;
import io.tributary.transforms.schema.FeatureSchema;
import io.tributary.transforms.statistics.DatasetStatistics;
import io.tributary.transforms.statistics.FeatureStatistics;
import io.tributary.transforms.statistics.FeatureType;
import io.tributary.transforms.statistics.Statistics;
import io.tributary.transforms.statistics.StatisticsCollector;
import io.tributary.transforms.validation.Anomalies;
import io.tributary.transforms.validation.AnomalyType;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

/** A log span's statistics split into served inputs and predictions; prediction drift between spans. */
class LoggedStatisticsTest {

  private static final Schema LOGGED = Schema.builder()
      .addNullableField("flipper_length_mm", Schema.FieldType.DOUBLE)
      .addStringField("request_id")
      .addNullableField("prediction", Schema.FieldType.STRING)
      .build();

  /** {@code adelie} of 300 logged rows predicted Adelie, the rest Gentoo. */
  private static DatasetStatistics span(int adelie) {
    StatisticsCollector collector = Statistics.generate().withSplit("span").collector(LOGGED);
    for (int i = 0; i < 300; i++) {
      collector.add(Row.withSchema(LOGGED).addValues(190.0 + i % 40, "r" + i, i < adelie ? "Adelie" : "Gentoo").build());
    }
    return collector.result();
  }

  @Test
  void inputsAreTheSchemasFeaturesOnly() {
    DatasetSchema schema = DatasetSchema.builder()
        .setFeatures(List.of(FeatureSchema.builder("flipper_length_mm", FeatureType.FLOAT).build()))
        .build();
    assertEquals(List.of("flipper_length_mm"),
        LoggedStatistics.inputs(span(150), schema).overall().features().stream().map(FeatureStatistics::name).toList());
    assertEquals(300, LoggedStatistics.inputs(span(150), schema).rowCount());
  }

  @Test
  void predictionDriftFiresOnAMovedShareOnly() {
    Anomalies same = LoggedStatistics.predictionDrift(span(150), span(155));
    assertEquals(List.of(), same.anomalies(), "5 of 300 more Adelie is noise");
    assertTrue(same.distances().stream().anyMatch(d -> d.feature().equals("prediction")), "but it is measured");
    Anomalies moved = LoggedStatistics.predictionDrift(span(150), span(60));
    assertTrue(!moved.anomalies().isEmpty() && moved.anomalies().stream()
        .allMatch(a -> a.type() == AnomalyType.DRIFT && a.feature().equals("prediction")), moved.anomalies().toString());
  }

  @Test
  void statisticsWithoutPredictionsAreRefused() {
    Schema plain = Schema.builder().addDoubleField("x").build();
    StatisticsCollector collector = Statistics.generate().withSplit("train").collector(plain);
    collector.add(Row.withSchema(plain).addValues(1.0).build());
    assertTrue(assertThrows(IllegalArgumentException.class,
            () -> LoggedStatistics.predictionDrift(collector.result(), span(10)))
        .getMessage().contains("no 'prediction' column"));
  }
}
