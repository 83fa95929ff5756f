package io.tributary.transforms.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.deadletter.OutputWithErrors;
import io.tributary.transforms.evaluate.blessing.Blessing;
import io.tributary.transforms.evaluate.blessing.EvalConfig;
import io.tributary.transforms.evaluate.blessing.NaiveBaseline;
import io.tributary.transforms.evaluate.blessing.Threshold;
import io.tributary.transforms.evaluate.blessing.ThresholdJudge;
import io.tributary.transforms.inference.BulkInferrer;
import io.tributary.transforms.inference.PredictionRows;
import io.tributary.transforms.model.ModelFolder;
import io.tributary.transforms.model.ModelScorer;
import io.tributary.transforms.model.Predictor;
import io.tributary.transforms.model.SavedModel;
import io.tributary.transforms.testing.ImbalancedExamples;
import io.tributary.transforms.train.Algorithm;
import io.tributary.transforms.train.Evaluation;
import io.tributary.transforms.train.Trainer;
import io.tributary.transforms.train.TrainerConfig;
import io.tributary.transforms.transform.TransformFnFiles;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The imbalance story end to end on 3% positives: a model that always predicts the majority class
 * clears an accuracy bar but is not blessed, and a decision threshold in {@code model.json} gives
 * the same predictions in the Trainer's evaluation, in BulkInferrer and on the serving path.
 */
@ExtendWith(TestPipelineExtension.class)
class ImbalancedEvaluationPipelineTest {

  private static final ImbalancedExamples DATA = ImbalancedExamples.of(15);

  @TempDir Path dir;

  @Test
  void aMajorityClassModelIsNotBlessedAndTheReasonSaysWhy(TestPipeline p) {
    // A tree that may not split (a leaf must weigh more than all rows) predicts "no" for every row.
    SavedModel majority = train(TrainerConfig.builder(ImbalancedExamples.LABEL).algorithm(Algorithm.CART)
        .hyperParameter("minChildWeight", 1e9).build());
    Path modelDir = dir.resolve("majority");
    ModelFolder.write(majority, modelDir.toString());
    long positives = ImbalancedExamples.positives(DATA.test);

    PCollection<KV<SliceKey, ClassificationMetrics>> metrics =
        scored(p, modelDir).apply(Evaluate.classification(ImbalancedExamples.LABEL));

    PAssert.that(metrics).satisfies(results -> {
      ClassificationMetrics overall = results.iterator().next().getValue();
      assertEquals(1 - positives / 1000.0, overall.accuracy(), 1e-12, "accuracy is the majority share");
      EvalConfig config = EvalConfig.builder().threshold(Threshold.atLeast("accuracy", 0.9)).build();
      Blessing blessing =
          ThresholdJudge.judge(config.thresholds(), Map.of(SliceKey.OVERALL, overall.byName()), null)
              .and(NaiveBaseline.judge(config.naiveBaseline(), overall));

      assertFalse(blessing.blessed(), "accuracy " + overall.accuracy() + " clears 0.9, yet the model knows nothing");
      String reasons = String.join("\n", blessing.reasons());
      assertTrue(reasons.contains("macroRecall on Overall is 0.5, no better than the naive baseline's 0.5"), reasons);
      assertTrue(reasons.contains("the model never predicts class 'yes' (" + positives + " of 1000 rows)"), reasons);

      EvalConfig off = EvalConfig.fromYaml("thresholds: [{metric: accuracy, lowerBound: 0.9}]\nnaiveBaseline: false\n");
      assertTrue(NaiveBaseline.judge(off.naiveBaseline(), overall).isEmpty(), "naiveBaseline: false turns it off");
      return null;
    });
    p.run().waitUntilFinish();
  }

  @Test
  void aThresholdPredictsTheSameInTrainerEvaluationBulkInferrerAndServing(TestPipeline p) {
    SavedModel model = train(TrainerConfig.builder(ImbalancedExamples.LABEL).decisionThreshold(0.1).build());
    Path modelDir = dir.resolve("model");
    ModelFolder.write(model, modelDir.toString());
    Predictor serving = Predictor.load(modelDir.toString(), dir.resolve("transform").toString());
    Map<Row, String> servingLabels = new HashMap<>();
    long servedYes = 0;
    for (Row row : DATA.test) {
      String label = serving.predict(Map.of("income", row.getDouble("income"), "debt", row.getDouble("debt"))).label();
      servingLabels.put(row, label);
      servedYes += label.equals("yes") ? 1 : 0;
    }
    Evaluation trainerEval = Evaluation.of(model, DATA.transformedTest());
    double trainerAccuracy = trainerEval.metric("accuracy");
    double trainerMacroRecall = trainerEval.metric("macroRecall");

    PCollection<Row> scored = scored(p, modelDir);
    Map<Row, String> expected = Map.copyOf(servingLabels);
    PAssert.that(scored).satisfies(rows -> {
      for (Row row : rows) {
        Row raw = Row.withSchema(ImbalancedExamples.SCHEMA)
            .addValues(row.getDouble("income"), row.getDouble("debt"), row.getString(ImbalancedExamples.LABEL)).build();
        assertEquals(expected.get(raw), row.getString(PredictionRows.PREDICTION), "BulkInferrer equals serving");
      }
      return null;
    });
    PAssert.that(scored.apply(Evaluate.classification(ImbalancedExamples.LABEL, "yes"))).satisfies(results -> {
      ClassificationMetrics bulk = results.iterator().next().getValue();
      assertEquals(trainerAccuracy, bulk.accuracy(), 1e-12, "the Trainer's evaluation agrees");
      assertEquals(trainerMacroRecall, bulk.macroRecall(), 1e-12);
      return null;
    });
    p.run().waitUntilFinish();

    ModelScorer argmax = ModelScorer.of(train(TrainerConfig.builder(ImbalancedExamples.LABEL).build()));
    long argmaxYes =
        DATA.transformedTest().stream().filter(row -> argmax.score(row::getValue).label().equals("yes")).count();
    assertTrue(servedYes > argmaxYes, "the threshold predicts yes more often: " + servedYes + " vs " + argmaxYes);
  }

  private SavedModel train(TrainerConfig config) {
    TransformFnFiles.write(DATA.fn, dir.resolve("transform").toString());
    return Trainer.of(config).train(DATA.fn, dir.resolve("transform").toString(), DATA.transformedTrain());
  }

  private static PCollection<Row> scored(TestPipeline p, Path modelDir) {
    OutputWithErrors result = p.apply(Create.of(DATA.test).withRowSchema(ImbalancedExamples.SCHEMA))
        .apply(BulkInferrer.of(modelDir.toString()));
    return result.output();
  }
}
