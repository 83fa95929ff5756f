package io.tributary.transforms.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.evaluate.ClassificationMetrics;
import io.tributary.transforms.evaluate.Evaluate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Ground truth joined to logged predictions: every row ends joined or unmatched, and Evaluate reads the joined rows. */
@Tag("portable")
@ExtendWith(TestPipelineExtension.class)
class LabelJoinTest {

  /** The columns of a request log of a classifier, as the model server writes them. */
  static final Schema LOGGED = Schema.builder()
      .addNullableField("flipper_length_mm", Schema.FieldType.DOUBLE)
      .addStringField("request_id")
      .addInt64Field("request_instance")
      .addNullableField("prediction", Schema.FieldType.STRING)
      .addNullableField("probability_Adelie", Schema.FieldType.DOUBLE)
      .addNullableField("probability_Gentoo", Schema.FieldType.DOUBLE)
      .build();

  /** Labels read from a CSV file: the instance as a number ExampleGen inferred (a long). */
  static final Schema LABELS = Schema.builder()
      .addStringField("request_id")
      .addInt64Field("request_instance")
      .addNullableField("species", Schema.FieldType.STRING)
      .build();

  static Row logged(String id, long instance, String predicted, double pAdelie) {
    return Row.withSchema(LOGGED).addValues(200.0, id, instance, predicted, pAdelie, 1 - pAdelie).build();
  }

  static Row label(String id, long instance, String species) {
    return Row.withSchema(LABELS).addValues(id, instance, species).build();
  }

  private static PCollection<Row> create(TestPipeline p, String name, Schema schema, List<Row> rows) {
    return p.apply(name, Create.of(rows).withRowSchema(schema));
  }

  @Test
  void joinsByRequestIdAndInstanceAndKeepsWhatDoesNotMatch(TestPipeline p) {
    List<Row> predictions = List.of(
        logged("a", 0, "Adelie", 0.9), logged("a", 1, "Gentoo", 0.2), logged("b", 0, "Adelie", 0.7),
        logged("c", 0, "Gentoo", 0.4),          // no label yet
        logged("d", 0, "Adelie", 0.8));         // two labels that disagree
    List<Row> labels = List.of(
        label("a", 0, "Adelie"), label("a", 1, "Adelie"), label("b", 0, "Adelie"), label("b", 0, "Adelie"),
        label("d", 0, "Adelie"), label("d", 0, "Gentoo"),
        label("z", 0, "Gentoo"));              // nothing logged has this key
    LabelJoin.Result joined = create(p, "Logged", LOGGED, predictions)
        .apply(GroundTruth.join(create(p, "Labels", LABELS, labels)).withLabel("species"));

    PAssert.that(joined.output().apply("Keys", MapElements.into(TypeDescriptors.strings())
            .via(r -> r.getString("request_id") + r.getInt64("request_instance") + "=" + r.getString("species")
                + " p=" + r.getMap("probabilities").get("Adelie"))))
        .containsInAnyOrder("a0=Adelie p=0.9", "a1=Adelie p=0.2", "b0=Adelie p=0.7");
    PAssert.that(ids(joined.unmatchedPredictions(), "UnmatchedPredictions")).containsInAnyOrder("c0", "d0");
    PAssert.that(ids(joined.unmatchedLabels(), "UnmatchedLabels")).containsInAnyOrder("d0", "d0", "z0");
    PAssert.thatSingleton(joined.output().apply(Evaluate.classification("species")).apply("Metrics",
            MapElements.into(TypeDescriptors.strings()).via((KV<?, ClassificationMetrics> kv) ->
                kv.getValue().examples() + " " + kv.getValue().accuracy() + " " + (kv.getValue().logLoss() != null))))
        .isEqualTo("3 0.6666666666666666 true");

    PipelineResult result = p.run();
    result.waitUntilFinish();
    assertEquals(Map.of("matched", 3L, "unmatched_predictions", 2L, "unmatched_labels", 3L, "conflicting_labels", 2L,
        "duplicate_labels", 1L), counters(result));
  }

  @Test
  void numericKeysMatchWhateverTheirIntegerTypeAndOneKeyColumnWorks(TestPipeline p) {
    Schema intLabels = Schema.builder().addInt32Field("order").addStringField("species").build();
    Schema longLogged = Schema.builder().addInt64Field("order").addStringField("prediction").build();
    LabelJoin.Result joined = create(p, "Logged", longLogged,
            List.of(Row.withSchema(longLogged).addValues(7L, "Gentoo").build()))
        .apply(GroundTruth.join(create(p, "Labels", intLabels,
            List.of(Row.withSchema(intLabels).addValues(7, "Gentoo").build()))).on("order").withLabel("species"));
    PAssert.thatSingleton(joined.output().apply(MapElements.into(TypeDescriptors.strings())
        .via(r -> r.getInt64("order") + " " + r.getString("species") + " " + r.getSchema().hasField("probabilities"))))
        .isEqualTo("7 Gentoo false");
    p.run().waitUntilFinish();
  }

  @Test
  void mistakesAreNamedBeforeAnyDataIsRead(TestPipeline p) {
    PCollection<Row> logged = create(p, "Logged", LOGGED, List.of());
    PCollection<Row> labels = create(p, "Labels", LABELS, List.of());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> logged.apply(GroundTruth.join(labels)))
        .getMessage().contains("withLabel() is required"));
    assertTrue(assertThrows(IllegalArgumentException.class,
            () -> logged.apply("Species", GroundTruth.join(labels).withLabel("sex")))
        .getMessage().contains("no column 'sex'"));
    assertTrue(assertThrows(IllegalArgumentException.class,
            () -> logged.apply("Prediction", GroundTruth.join(labels).on("request_id").withLabel("request_instance")))
        .getMessage().contains("have a column 'request_instance' already"));
    p.enableAbandonedNodeEnforcement(false);
  }

  private static PCollection<String> ids(PCollection<Row> rows, String name) {
    return rows.apply(name, MapElements.into(TypeDescriptors.strings())
        .via(r -> r.getString("request_id") + r.getInt64("request_instance")));
  }

  private static Map<String, Long> counters(PipelineResult result) {
    MetricQueryResults metrics = result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.inNamespace(LabelJoin.METRICS_NAMESPACE)).build());
    Map<String, Long> counts = new java.util.TreeMap<>();
    List<MetricResult<Long>> all = new ArrayList<>();
    metrics.getCounters().forEach(all::add);
    for (MetricResult<Long> counter : all) {
      counts.merge(counter.getName().getName(), counter.getAttempted(), Long::sum);
    }
    return counts;
  }
}
