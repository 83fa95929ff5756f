package io.tributary.transforms.monitor;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.schema.DatasetSchema;
import io.tributary.transforms.schema.FeatureSchema;
import io.tributary.transforms.statistics.DatasetStatistics;
import io.tributary.transforms.statistics.DatasetStatisticsCoder;
import io.tributary.transforms.statistics.FeatureType;
import io.tributary.transforms.statistics.Statistics;
import io.tributary.transforms.statistics.StatisticsCollector;
import java.util.List;
import java.util.Random;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Monitor over span statistics in a pipeline: spans checked in order, alerts only where the data moved. */
@Tag("portable")
@ExtendWith(TestPipelineExtension.class)
class MonitorTest {

  private static final Schema LOGGED = Schema.builder()
      .addNullableField("flipper_length_mm", Schema.FieldType.DOUBLE)
      .addNullableField("island", Schema.FieldType.STRING)
      .addStringField("request_id")
      .addNullableField("prediction", Schema.FieldType.STRING)
      .build();
  private static final DatasetSchema SCHEMA = DatasetSchema.builder().setFeatures(List.of(
          FeatureSchema.builder("flipper_length_mm", FeatureType.FLOAT).build(),
          FeatureSchema.builder("island", FeatureType.STRING).build()))
      .build();
  private static final String[] ISLANDS = {"Biscoe", "Dream", "Torgersen"};

  /** 400 penguins (seeded), flippers {@code shift} mm longer; predicted Gentoo above 205 mm. */
  private static DatasetStatistics statistics(String split, long seed, double shift) {
    Random random = new Random(seed);
    StatisticsCollector collector = Statistics.generate().withSplit(split).collector(LOGGED);
    for (int i = 0; i < 400; i++) {
      double flipper = 200 + 12 * random.nextGaussian() + shift;
      collector.add(Row.withSchema(LOGGED).addValues(flipper, ISLANDS[random.nextInt(3)], "r" + i,
          flipper > 205 ? "Gentoo" : "Adelie").build());
    }
    return collector.result();
  }

  @Test
  void aCleanSpanIsQuietAndAShiftedOneAlertsOnItsFeatureAndPredictions(TestPipeline p) {
    DatasetStatistics training = statistics("train", 1, 0);
    // Out of order on purpose: the spans are checked in span order.
    List<DatasetStatistics> spans = List.of(statistics("202612072100", 3, 30), statistics("202612072000", 2, 0));
    PCollection<SpanCheck> checks = p.apply(Create.of(spans).withCoder(DatasetStatisticsCoder.of()))
        .apply(Monitor.of("penguin", 1).against(SCHEMA, training));
    PAssert.that(checks.apply(FlatMapElements.into(TypeDescriptors.strings())
            .via((SpanCheck c) -> c.alerts().stream().map(Alert::id).toList())))
        .containsInAnyOrder(
            "skew/penguin/1/202612072100/flipper_length_mm",
            "drift/penguin/1/202612072100/flipper_length_mm",
            "prediction_drift/penguin/1/202612072100/prediction");
    PAssert.that(checks.apply("Rows", FlatMapElements.into(TypeDescriptors.strings())
            .via((SpanCheck c) -> List.of(c.span() + ":" + c.rows() + ":" + (c.predictionDrift() != null)))))
        .containsInAnyOrder("202612072000:400:false", "202612072100:400:true");
    p.run().waitUntilFinish();
  }

  @Test
  void theBaselineIsRequiredAndNeedsAServingEnvironment(TestPipeline p) {
    PCollection<DatasetStatistics> none = p.apply(Create.empty(DatasetStatisticsCoder.of()));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> none.apply(Monitor.of("penguin", 1)))
        .getMessage().contains("against(schema, statistics) is required"));
    DatasetSchema trainingOnly = SCHEMA.toBuilder().setEnvironments(List.of(DatasetSchema.TRAINING)).build();
    assertTrue(assertThrows(IllegalArgumentException.class,
            () -> Monitor.of("penguin", 1).against(trainingOnly, statistics("train", 1, 0)))
        .getMessage().contains("no SERVING environment"));
    p.enableAbandonedNodeEnforcement(false);
  }
}
