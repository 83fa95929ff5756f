package io.tributary.transforms.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.inference.BulkInferrer;
import io.tributary.transforms.model.ModelFolder;
import io.tributary.transforms.model.SavedModel;
import io.tributary.transforms.testing.PenguinExamples;
import io.tributary.transforms.testing.TestFiles;
import io.tributary.transforms.train.Evaluation;
import io.tributary.transforms.train.Trainer;
import io.tributary.transforms.train.TrainerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Evaluate over BulkInferrer's output on every runner agrees with Tribuo's own evaluation. */
@Tag("portable")
@ExtendWith(TestPipelineExtension.class)
class EvaluatePipelineTest {

  private static final PenguinExamples PENGUINS = PenguinExamples.get();
  private static Path modelDir;
  private static Evaluation tribuo;

  @BeforeAll
  static void trainAndSave() throws IOException {
    SavedModel model =
        Trainer.of(TrainerConfig.builder("species").build())
            .train(PENGUINS.transformFn(), PENGUINS.transformDir().toString(), PENGUINS.transformedTrain());
    modelDir = Files.createTempDirectory("tributary-evaluate-model");
    ModelFolder.write(model, modelDir.toString());
    tribuo = Evaluation.of(model, PENGUINS.transformedEval());
  }

  @AfterAll
  static void cleanUp() {
    TestFiles.deleteTree(modelDir);
  }

  @Test
  void penguinMetricsEqualTribuos(TestPipeline p) {
    List<Row> eval = PENGUINS.eval();
    double accuracy = tribuo.metric("accuracy");
    double macroF1 = tribuo.metric("macroF1");

    PAssert.thatSingleton(
            p.apply(Create.of(eval).withRowSchema(eval.get(0).getSchema()))
                .apply(BulkInferrer.of(modelDir.toString()))
                .output()
                .apply(Evaluate.classification("species")))
        .satisfies(kv -> {
          assertEquals(SliceKey.OVERALL, kv.getKey());
          ClassificationMetrics m = kv.getValue();
          assertEquals(114, m.examples());
          assertEquals(accuracy, m.accuracy(), 1e-12);
          assertEquals(macroF1, m.macroF1(), 1e-12);
          assertEquals(List.of("Adelie", "Chinstrap", "Gentoo"), m.classes());
          assertEquals(114L, m.perClass().values().stream().mapToLong(ClassMetrics::support).sum());
          assertTrue(m.logLoss() > 0 && m.logLoss() < 0.2, "log loss " + m.logLoss());
          assertTrue(m.rocAuc() > 0.95 && m.rocAuc() <= 1, "ROC AUC " + m.rocAuc());
          return null;
        });
    p.run().waitUntilFinish();
  }
}
