package io.tributary.transforms.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.model.ModelDescriptor;
import io.tributary.transforms.model.ModelScorer;
import io.tributary.transforms.model.SavedModel;
import io.tributary.transforms.testing.ImbalancedExamples;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Class weights and the decision threshold on a generated data set with 3% positives. */
class ImbalanceTest {

  private static final ImbalancedExamples DATA = ImbalancedExamples.of(15);
  private static final List<Row> TRAIN = DATA.transformedTrain();
  private static final List<Row> TEST = DATA.transformedTest();

  @Test
  void theDataSetHasAboutThreePercentPositives() {
    long positives = ImbalancedExamples.positives(DATA.train) + ImbalancedExamples.positives(DATA.test);
    assertTrue(positives > 80 && positives < 160, positives + " positives of 4000");
  }

  /** Trees shallow enough not to memorise the training positives, so that weights can move the boundary. */
  @ParameterizedTest
  @EnumSource(value = Algorithm.class, names = {"LOGISTIC_REGRESSION", "CART", "XGBOOST"})
  void balancedClassWeightsFindTheMinority(Algorithm algorithm) {
    SavedModel plain = train(shallow(algorithm).build());
    SavedModel weighted = train(shallow(algorithm).classWeights(ClassWeights.balancedWeights()).build());

    double plainRecall = recallOfYes(plain);
    double weightedRecall = recallOfYes(weighted);
    System.out.printf("%s: recall of the 3%% class %.2f unweighted, %.2f with balanced weights%n",
        algorithm.id(), plainRecall, weightedRecall);
    assertTrue(weightedRecall > 0.5, algorithm.id() + " weighted recall " + weightedRecall);
    assertTrue(weightedRecall > plainRecall + 0.2, algorithm.id() + ": " + plainRecall + " -> " + weightedRecall);
    assertTrue(Evaluation.of(weighted, TEST).metric("macroRecall") > Evaluation.of(plain, TEST).metric("macroRecall"));

    ModelDescriptor descriptor = weighted.descriptor();
    assertEquals(2, descriptor.formatVersion(), "weights make a version-2 descriptor");
    double rows = TRAIN.size();
    double yes = ImbalancedExamples.positives(DATA.train);
    assertEquals(rows / (2 * yes), descriptor.classWeights().get("yes"), 1e-9);
    assertEquals(rows / (2 * (rows - yes)), descriptor.classWeights().get("no"), 1e-9);
    assertEquals(1, plain.descriptor().formatVersion(), "a model without them stays version 1");
    assertNull(plain.descriptor().classWeights());
  }

  @Test
  void randomForestRefusesClassWeightsItWouldIgnore() {
    TrainerConfig config = TrainerConfig.builder(ImbalancedExamples.LABEL).algorithm(Algorithm.RANDOM_FOREST)
        .classWeights(ClassWeights.balancedWeights()).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> train(config));
    assertTrue(e.getMessage().contains("random_forest ignores example weights"), e.getMessage());
  }

  @Test
  void aDecisionThresholdPredictsThePositiveClassFromItsProbability() {
    SavedModel argmax = train(TrainerConfig.builder(ImbalancedExamples.LABEL).build());
    SavedModel low = train(TrainerConfig.builder(ImbalancedExamples.LABEL).decisionThreshold(0.1).build());

    assertEquals("yes", low.descriptor().positiveClass(), "the second class in sorted order by default");
    assertEquals(0.1, low.descriptor().decisionThreshold());
    ModelScorer scorer = ModelScorer.of(low);
    long changed = 0;
    for (Row row : TEST) {
      var score = scorer.score(row::getValue);
      assertEquals(score.probabilities().get("yes") >= 0.1 ? "yes" : "no", score.label());
      if (!score.label().equals(ModelScorer.of(argmax).score(row::getValue).label())) {
        changed++;
      }
    }
    assertTrue(changed > 0, "a threshold of 0.1 turns some rows to yes");
    assertTrue(recallOfYes(low) > recallOfYes(argmax), "and finds more of the positives");
  }

  @Test
  void thresholdsAndPositiveClassesAreForTwoClasses() {
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> train(TrainerConfig.builder(ImbalancedExamples.LABEL).positiveClass("maybe").decisionThreshold(0.3).build()));
    assertTrue(unknown.getMessage().contains("positiveClass 'maybe' is not a class"), unknown.getMessage());
    IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
        () -> TrainerConfig.builder(ImbalancedExamples.LABEL).decisionThreshold(1.0).build());
    assertTrue(range.getMessage().contains("decisionThreshold"), range.getMessage());
  }

  @Test
  void configsReadWeightsAndThresholdsAndOldConfigsStillLoad() {
    TrainerConfig config = TrainerConfig.fromYaml("""
        label: defaulted
        classWeights: balanced
        decisionThreshold: 0.3
        positiveClass: "yes"
        """);
    assertTrue(config.classWeights().balanced());
    assertEquals(0.3, config.decisionThreshold());
    assertEquals(config, TrainerConfig.fromJson(config.toJson()));
    TrainerConfig explicit = TrainerConfig.fromYaml("label: defaulted\nclassWeights: {\"yes\": 10}\n");
    assertEquals(Map.of("no", 1.0, "yes", 10.0), explicit.classWeights().resolve(Map.of("no", 97L, "yes", 3L)));
    assertNull(TrainerConfig.fromYaml("label: species\nalgorithm: cart\n").classWeights());
    IllegalArgumentException word = assertThrows(IllegalArgumentException.class,
        () -> TrainerConfig.fromYaml("label: defaulted\nclassWeights: even\n"));
    assertTrue(word.getMessage().contains("write 'balanced'"), word.getMessage());
  }

  private static TrainerConfig.Builder shallow(Algorithm algorithm) {
    TrainerConfig.Builder builder = TrainerConfig.builder(ImbalancedExamples.LABEL).algorithm(algorithm);
    return switch (algorithm) {
      case CART -> builder.hyperParameter("maxDepth", 3);
      case XGBOOST -> builder.hyperParameter("maxDepth", 2).hyperParameter("numTrees", 20);
      default -> builder;
    };
  }

  private static SavedModel train(TrainerConfig config) {
    return Trainer.of(config).train(DATA.fn, null, TRAIN);
  }

  private static double recallOfYes(SavedModel model) {
    ModelScorer scorer = ModelScorer.of(model);
    long positives = 0;
    long found = 0;
    for (Row row : TEST) {
      if ("yes".equals(row.getString(ImbalancedExamples.LABEL))) {
        positives++;
        if ("yes".equals(scorer.score(row::getValue).label())) {
          found++;
        }
      }
    }
    return (double) found / positives;
  }
}
