package io.tributary.transforms.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.schema.DatasetSchema;
import io.tributary.transforms.schema.SchemaGen;
import io.tributary.transforms.statistics.DatasetStatistics;
import io.tributary.transforms.statistics.Statistics;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * StatisticsGen → SchemaGen → ExampleValidator in one pipeline: the schema inferred from the train
 * split and the train statistics reach the validation of the eval split as side inputs, with no
 * coder set by hand.
 */
@Tag("portable")
@ExtendWith(TestPipelineExtension.class)
class ValidateInOnePipelineTest {
  /** Every other penguin of the eval half (odd rows) lives on an island the train half never saw. */
  private static final CsvTable TABLE = CsvTable.penguins().edit("island", i -> i % 4 == 1, v -> "Atlantis");
  private static final Schema ROW_SCHEMA = TABLE.schema();

  private static List<Row> half(int parity) {
    List<Row> all = TABLE.rows();
    List<Row> half = new ArrayList<>();
    for (int i = parity; i < all.size(); i += 2) {
      half.add(all.get(i));
    }
    return half;
  }

  private static PCollection<DatasetStatistics> statistics(TestPipeline p, String split, int parity) {
    return p.apply("Rows/" + split, Create.of(half(parity)).withRowSchema(ROW_SCHEMA))
        .apply("Statistics/" + split, Statistics.generate().withSplit(split));
  }

  @Test
  void theSchemaInferredFromTrainFlagsTheNewIslandInEval(TestPipeline p) {
    PCollection<DatasetStatistics> train = statistics(p, "train", 0);
    PCollection<DatasetStatistics> eval = statistics(p, "eval", 1);
    PCollectionView<DatasetSchema> schema =
        train.apply(SchemaGen.infer().withLabel("species")).apply("SchemaView", View.asSingleton());
    PCollectionView<DatasetStatistics> trainView = train.apply("TrainView", View.asSingleton());
    ExampleValidator.Validation validation =
        ExampleValidator.validate(schema).inEnvironment(DatasetSchema.TRAINING).withSkewBaseline(trainView);

    PAssert.thatSingleton(train.apply("ValidateTrain", validation))
        .satisfies(anomalies -> {
          assertEquals("train", anomalies.split());
          assertEquals(List.of(), anomalies.anomalies());
          assertFalse(anomalies.distances().isEmpty());
          return null;
        });
    PAssert.thatSingleton(eval.apply("ValidateEval", validation))
        .satisfies(anomalies -> {
          assertEquals("eval", anomalies.split());
          assertEquals(DatasetSchema.TRAINING, anomalies.environment());
          List<Anomaly> island = anomalies.ofType(AnomalyType.UNEXPECTED_VALUES);
          assertEquals(1, island.size(), anomalies.anomalies().toString());
          assertEquals("island", island.get(0).feature());
          assertEquals(Severity.ERROR, island.get(0).severity());
          assertTrue(anomalies.distances().stream()
              .anyMatch(d -> d.feature().equals("island") && d.comparison() == Comparison.SKEW && d.exceeded()));
          return null;
        });
    p.run().waitUntilFinish();
  }

  @Test
  void sideInputsAgreeWithValues(TestPipeline p) {
    DatasetStatistics trainStats = CsvTable.penguins().shuffled(7, 0, 200).statistics();
    DatasetStatistics evalStats = CsvTable.penguins().shuffled(7, 200, 344).statistics();
    DatasetSchema schema = SchemaGen.infer().from(trainStats);
    // Create.of picks the registered JSON coders for the statistics and the schema.
    PCollectionView<DatasetSchema> schemaView = p.apply("Schema", Create.of(schema)).apply("SchemaView", View.asSingleton());
    PCollectionView<DatasetStatistics> driftView =
        p.apply("Previous", Create.of(trainStats)).apply("DriftView", View.asSingleton());
    PCollection<Anomalies> anomalies =
        p.apply("Eval", Create.of(evalStats)).apply(ExampleValidator.validate(schemaView).withDriftBaseline(driftView));
    PAssert.thatSingleton(anomalies)
        .isEqualTo(ExampleValidator.validate(schema).withDriftBaseline(trainStats).check(evalStats));
    p.run().waitUntilFinish();
  }

  @Test
  void anEnvironmentTheInferredSchemaLacksFailsTheRun(TestPipeline p) {
    PCollection<DatasetStatistics> train = statistics(p, "train", 0);
    PCollectionView<DatasetSchema> schema = train.apply(SchemaGen.infer()).apply("SchemaView", View.asSingleton());
    train.apply(ExampleValidator.validate(schema).inEnvironment("STAGING"));
    // Runners wrap a DoFn's exception differently: look for the message along the causes.
    Throwable e = assertThrows(RuntimeException.class, () -> p.run().waitUntilFinish());
    StringBuilder messages = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      messages.append(t.getMessage()).append('\n');
    }
    assertTrue(messages.toString().contains("inEnvironment(STAGING): the schema's environments are"), messages.toString());
  }

  @Test
  void aValidationWithSideInputsIsATransformOnly() {
    DatasetSchema schema = SchemaGen.infer().from(TABLE.statistics());
    PCollectionView<DatasetSchema> view = Pipeline.create()
        .apply(Create.of(schema))
        .apply(View.asSingleton());
    IllegalStateException e = assertThrows(
        IllegalStateException.class, () -> ExampleValidator.validate(view).check(TABLE.statistics()));
    assertTrue(e.getMessage().contains("apply it to a PCollection<DatasetStatistics>"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ExampleValidator.validate((PCollectionView<DatasetSchema>) null));
    assertThrows(IllegalArgumentException.class,
        () -> ExampleValidator.validate(schema).withSkewBaseline((PCollectionView<DatasetStatistics>) null));
  }
}
