package io.tributary.transforms.inference;

import io.tributary.transforms.deadletter.OutputWithErrors;
import io.tributary.transforms.metrics.PipelineCounters;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.deadletter.DeadLetter;
import io.tributary.transforms.model.Predictor;
import io.tributary.transforms.testing.PenguinExamples;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * BulkInferrer on every runner: for every penguin the batch prediction is exactly the serving
 * path's ({@code TransformFn.apply(Map)} + model), the model is loaded per worker instance and not
 * per row, and rows that cannot be scored are dead letters.
 */
@Tag("portable")
@ExtendWith(TestPipelineExtension.class)
class BulkInferrerPipelineTest {

  private static final PenguinExamples PENGUINS = PenguinExamples.get();
  private static final PenguinModels MODELS = PenguinModels.get();

  @Test
  void logisticPredictionsEqualTheServingPathForEveryRow(TestPipeline p) {
    assertBatchEqualsServing(p, MODELS.logistic);
  }

  @Test
  void xgboostPredictionsEqualTheServingPathForEveryRow(TestPipeline p) {
    assertBatchEqualsServing(p, MODELS.xgboost);
  }

  @Test
  void rowsThatCannotBeScoredAreDeadLetters(TestPipeline p) {
    List<Row> raw = allPenguins();
    long unmeasured = raw.stream().filter(row -> row.getValue("bill_length_mm") == null).count();
    assertEquals(2, unmeasured);

    OutputWithErrors result = input(p, raw).apply(BulkInferrer.of(MODELS.noImputation.toString()));

    PAssert.thatSingleton(result.output().apply("CountOut", Count.globally())).isEqualTo(342L);
    PAssert.that(result.errors())
        .satisfies(letters -> {
          List<Row> all = new ArrayList<>();
          letters.forEach(all::add);
          assertEquals(2, all.size());
          for (Row letter : all) {
            assertEquals(DeadLetter.SCHEMA, letter.getSchema());
            assertEquals(MODELS.noImputation.toString(), letter.getString("source"));
            assertEquals("feature 'bill_length_mm' is missing (it feeds 'bill_length') and the transform does not"
                + " impute it: give a value, or impute it in the transform spec", letter.getString("reason"));
            assertTrue(letter.getString("raw").contains("\"bill_length_mm\":null"), letter.getString("raw"));
          }
          return null;
        });
    PipelineResult run = p.run();
    run.waitUntilFinish();
    assertEquals(2, counter(run, BulkInferrer.DEAD_LETTERS_COUNTER));
    assertEquals(342, counter(run, BulkInferrer.SCORED_COUNTER));
  }

  private static void assertBatchEqualsServing(TestPipeline p, Path model) {
    List<Row> raw = allPenguins();
    Predictor serving = Predictor.load(model.toString());
    Schema schema = PredictionRows.schema(raw.get(0).getSchema(), serving.descriptor().task());
    List<Row> expected = new ArrayList<>();
    for (Row row : raw) {
      expected.add(PredictionRows.of(schema, row, serving.predict(PenguinModels.asRecord(row))));
    }

    OutputWithErrors result = input(p, raw).apply(BulkInferrer.of(model.toString()));

    assertEquals(schema, result.output().getSchema());
    PAssert.that(result.output()).containsInAnyOrder(expected);
    PAssert.that(result.errors()).empty();
    PipelineResult run = p.run();
    run.waitUntilFinish();
    long loads = counter(run, BulkInferrer.MODEL_LOADS_COUNTER);
    assertTrue(loads >= 1 && loads < raw.size() / 4, "model loads: " + loads);
    assertEquals(raw.size(), counter(run, BulkInferrer.SCORED_COUNTER));
  }

  private static List<Row> allPenguins() {
    List<Row> raw = new ArrayList<>(PENGUINS.train());
    raw.addAll(PENGUINS.eval());
    return raw;
  }

  private static PCollection<Row> input(TestPipeline p, List<Row> raw) {
    return p.apply("Penguins", Create.of(raw).withRowSchema(raw.get(0).getSchema()));
  }

  private static long counter(PipelineResult run, String name) {
    return PipelineCounters.of(run, BulkInferrer.METRICS_NAMESPACE).counter(name);
  }
}
