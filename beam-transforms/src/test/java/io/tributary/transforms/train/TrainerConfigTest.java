package io.tributary.transforms.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.model.Task;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Trainer configs: the builder and JSON/YAML agree, and every mistake names its fix. */
class TrainerConfigTest {

  @Test
  void builderJsonAndYamlGiveTheSameConfig() {
    TrainerConfig built =
        TrainerConfig.builder("species")
            .task(Task.CLASSIFICATION)
            .algorithm(Algorithm.XGBOOST)
            .hyperParameter("numTrees", 100)
            .hyperParameter("eta", 0.1)
            .features("bill_length", "island")
            .seed(7)
            .build();
    TrainerConfig yaml =
        TrainerConfig.fromYaml(
            """
            label: species
            task: classification
            algorithm: xgboost
            hyperParameters: {numTrees: 100, eta: 0.1}
            features: [bill_length, island]
            seed: 7
            """);

    assertEquals(built, yaml);
    assertEquals(built, TrainerConfig.fromJson(built.toJson()));
    assertEquals(built, TrainerConfig.fromYaml(built.toYaml()));
  }

  @Test
  void defaultsAreFilledInAndRecorded() {
    TrainerConfig config = TrainerConfig.fromYaml("label: species");
    assertEquals(0L, config.seed());
    assertEquals(Algorithm.LOGISTIC_REGRESSION, config.algorithmFor(Task.CLASSIFICATION));
    assertEquals(Algorithm.LINEAR_SGD, config.algorithmFor(Task.REGRESSION));
    assertEquals(
        Map.of("epochs", 50, "learningRate", 1.0, "minibatchSize", 1),
        Algorithm.LOGISTIC_REGRESSION.resolve(Map.of()));
    assertEquals(60, Algorithm.XGBOOST.resolve(Map.of("numTrees", 60.0)).get("numTrees"));
  }

  @Test
  void mistakesNameTheirFix() {
    assertMessage("needs 'label'", () -> TrainerConfig.fromYaml("algorithm: cart"));
    assertMessage("unknown algorithm 'svm': use one of logistic_regression, linear_sgd, cart, random_forest, xgboost",
        () -> TrainerConfig.fromYaml("label: y\nalgorithm: svm"));
    assertMessage("algorithm cart has no hyper-parameter 'numTrees': it has maxDepth, minChildWeight",
        () -> TrainerConfig.builder("y").algorithm(Algorithm.CART).hyperParameter("numTrees", 3).build());
    assertMessage("hyper-parameter eta = 2 is out of range: use >= 0 and <= 1",
        () -> TrainerConfig.builder("y").algorithm(Algorithm.XGBOOST).hyperParameter("eta", 2).build());
    assertMessage("hyper-parameter epochs = 2.5 must be a whole number",
        () -> TrainerConfig.builder("y").algorithm(Algorithm.LOGISTIC_REGRESSION).hyperParameter("epochs", 2.5).build());
    assertMessage("algorithm logistic_regression does not do regression: use one of linear_sgd, cart, random_forest, xgboost",
        () -> TrainerConfig.builder("y").task(Task.REGRESSION).algorithm(Algorithm.LOGISTIC_REGRESSION).build());
    assertMessage("name the 'algorithm' they are for", () -> TrainerConfig.fromYaml("label: y\nhyperParameters: {epochs: 3}"));
    assertMessage("is also listed as a feature", () -> TrainerConfig.builder("y").features("x", "y").build());
    assertMessage("line 2: unknown field 'algoritm'; did you mean 'algorithm'?", () -> TrainerConfig.fromYaml("label: y\nalgoritm: cart"));
  }

  private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable executable) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, executable);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
