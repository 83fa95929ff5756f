package io.tributary.transforms.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.examples.ExampleFiles;
import io.tributary.transforms.examples.ExampleFormat;
import io.tributary.transforms.examples.ExamplesIO;
import io.tributary.transforms.model.ModelFormatException;
import io.tributary.transforms.model.Predictor;
import io.tributary.transforms.testing.PenguinExamples;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** BulkInferrer's checks at construction time, and its output written as Avro and Parquet. */
@ExtendWith(TestPipelineExtension.class)
class BulkInferrerTest {

  private static final PenguinExamples PENGUINS = PenguinExamples.get();
  private static final PenguinModels MODELS = PenguinModels.get();

  @TempDir Path dir;

  @Test
  void scoredRowsAreWritableAsAvroAndParquet(TestPipeline p) {
    List<Row> raw = PENGUINS.eval();
    PCollection<Row> scored = input(p, raw).apply(BulkInferrer.of(MODELS.logistic.toString())).output();
    for (ExampleFormat format : ExampleFormat.values()) {
      scored.apply("Write" + format, ExamplesIO.write(dir.resolve(format.name()).toString()).withFormat(format));
    }
    p.run().waitUntilFinish();

    Predictor serving = Predictor.load(MODELS.logistic.toString());
    Schema schema = PredictionRows.schema(raw.get(0).getSchema(), serving.descriptor().task());
    HashSet<Row> expected = new HashSet<>();
    raw.forEach(row -> expected.add(PredictionRows.of(schema, row, serving.predict(row))));
    for (ExampleFormat format : ExampleFormat.values()) {
      List<Row> back = ExampleFiles.read(dir.resolve(format.name()));
      assertEquals(raw.size(), back.size(), format.name());
      assertEquals(expected, new HashSet<>(back), format.name());
    }
  }

  @Test
  void aFolderWithoutAModelFailsAtConstruction(TestPipeline p) {
    PCollection<Row> rows = input(p, PENGUINS.eval());
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> rows.apply(BulkInferrer.of(dir.toString())));
    assertTrue(e.getMessage().contains("model.json is missing"), e.getMessage());
    p.enableAbandonedNodeEnforcement(false);
  }

  @Test
  void anotherTransformIsRefused(TestPipeline p) {
    PCollection<Row> rows = input(p, PENGUINS.eval());
    Path otherTransform = MODELS.noImputation.resolveSibling("no-imputation-transform");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class,
            () -> rows.apply(BulkInferrer.of(MODELS.logistic.toString()).withTransform(otherTransform.toString())));
    assertTrue(e.getMessage().contains("pass the transform the model was trained with"), e.getMessage());
    p.enableAbandonedNodeEnforcement(false);
  }

  @Test
  void inputsMissingARawColumnOrHoldingAPredictionAreRefused(TestPipeline p) {
    Schema withoutIsland = Schema.builder().addStringField("species").addDoubleField("bill_length_mm").build();
    PCollection<Row> narrow =
        p.apply("Narrow", Create.of(Row.withSchema(withoutIsland).addValues("Adelie", 40.0).build()).withRowSchema(withoutIsland));
    IllegalArgumentException missing =
        assertThrows(IllegalArgumentException.class, () -> narrow.apply(BulkInferrer.of(MODELS.logistic.toString())));
    assertTrue(missing.getMessage().contains("score raw examples"), missing.getMessage());

    Schema withPrediction = Schema.builder().addFields(PENGUINS.eval().get(0).getSchema().getFields())
        .addStringField(PredictionRows.PREDICTION).build();
    PCollection<Row> scoredAlready = p.apply("Scored", Create.empty(withPrediction));
    IllegalArgumentException clash =
        assertThrows(IllegalArgumentException.class, () -> scoredAlready.apply(BulkInferrer.of(MODELS.logistic.toString())));
    assertTrue(clash.getMessage().contains("already has a column 'prediction'"), clash.getMessage());
    p.enableAbandonedNodeEnforcement(false);
  }

  private static PCollection<Row> input(TestPipeline p, List<Row> raw) {
    return p.apply("Penguins", Create.of(raw).withRowSchema(raw.get(0).getSchema()));
  }
}
