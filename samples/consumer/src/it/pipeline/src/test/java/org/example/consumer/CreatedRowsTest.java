package org.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.transforms.schema.DatasetSchema;
import io.tributary.transforms.schema.SchemaGen;
import io.tributary.transforms.statistics.DatasetStatistics;
import io.tributary.transforms.statistics.Statistics;
import io.tributary.transforms.transform.Step;
import io.tributary.transforms.transform.Transform;
import io.tributary.transforms.transform.TransformSpec;
import io.tributary.transforms.validation.Anomalies;
import io.tributary.transforms.validation.Anomaly;
import io.tributary.transforms.validation.AnomalyType;
import io.tributary.transforms.validation.ExampleValidator;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The library's transforms on rows a test builds itself. */
@ExtendWith(TestPipelineExtension.class)
class CreatedRowsTest {
  private static final Schema SCHEMA =
      Schema.builder().addDoubleField("size").addStringField("colour").build();

  private static PCollection<Row> rows(TestPipeline p, String name, Object[]... values) {
    return p.apply(
        name,
        Create.of(List.of(values).stream().map(v -> Row.withSchema(SCHEMA).addValues(v).build()).toList())
            .withRowSchema(SCHEMA));
  }

  @Test
  void schemaInferredFromOneSetFlagsAnOutOfRangeValueInAnother(TestPipeline p) {
    PCollection<Row> training =
        rows(p, "Training", new Object[] {1.0, "red"}, new Object[] {2.0, "blue"}, new Object[] {3.0, "red"});
    PCollection<Row> serving =
        rows(p, "Serving", new Object[] {2.0, "red"}, new Object[] {100.0, "blue"});

    PCollection<DatasetSchema> schema =
        training.apply("TrainingStatistics", Statistics.generate()).apply(SchemaGen.infer());
    PCollection<DatasetStatistics> servingStatistics = serving.apply("ServingStatistics", Statistics.generate());
    PCollection<Anomalies> anomalies =
        servingStatistics.apply(ExampleValidator.validate(schema.apply("SchemaView", View.asSingleton())));

    PAssert.thatSingleton(anomalies)
        .satisfies(
            found -> {
              List<Anomaly> outOfRange = found.ofType(AnomalyType.OUT_OF_RANGE);
              assertEquals(1, outOfRange.size(), "one out-of-range feature in " + found.anomalies());
              assertEquals("size", outOfRange.get(0).feature());
              return null;
            });
    p.run().waitUntilFinish();
  }

  @Test
  void transformScalesToTheFittedRange(TestPipeline p) {
    PCollection<Row> input =
        rows(
            p,
            "Rows",
            new Object[] {0.0, "red"},
            new Object[] {1.0, "blue"},
            new Object[] {2.0, "red"},
            new Object[] {4.0, "green"});
    TransformSpec spec =
        TransformSpec.builder().feature("size_01", "size", Step.scaleTo01()).drop("colour").build();

    PCollection<Double> scaled =
        input
            .apply(Transform.fitAndApply(spec))
            .output()
            .apply(MapElements.into(TypeDescriptors.doubles()).via((Row r) -> r.getDouble("size_01")));

    PAssert.that(scaled).containsInAnyOrder(0.0, 0.25, 0.5, 1.0);
    p.run().waitUntilFinish();
  }
}
