package io.tributary.transforms.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.model.Predictor;
import io.tributary.transforms.model.SavedModel;
import io.tributary.transforms.model.Score;
import io.tributary.transforms.model.Task;
import io.tributary.transforms.testing.PenguinExamples;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Training on ExampleGen's penguin split through the fitted transform. */
class TrainerTest {

  private static final PenguinExamples PENGUINS = PenguinExamples.get();

  @Test
  void theSplitIsExampleGens() {
    assertEquals(230, PENGUINS.train().size());
    assertEquals(114, PENGUINS.eval().size());
  }

  @Test
  void defaultClassifierReaches95PercentEvalAccuracy() {
    SavedModel model = train(TrainerConfig.builder("species").build(), PENGUINS.transformedTrain());
    Evaluation eval = Evaluation.of(model, PENGUINS.transformedEval());

    assertEquals(114, eval.examples());
    assertTrue(eval.metric("accuracy") >= 0.95, "default accuracy " + eval.metric("accuracy"));
    assertEquals(Task.CLASSIFICATION, model.descriptor().task());
    assertEquals("logistic_regression", model.descriptor().algorithm());
    assertEquals(List.of("Adelie", "Chinstrap", "Gentoo"), model.descriptor().provenance().outputs());
    assertEquals(230, model.descriptor().provenance().numExamples());
    assertEquals(50, model.descriptor().hyperParameters().get("epochs"));
  }

  @ParameterizedTest
  @EnumSource(value = Algorithm.class, names = {"LOGISTIC_REGRESSION", "CART", "RANDOM_FOREST", "XGBOOST"})
  void everyClassifierLearnsThePenguins(Algorithm algorithm) {
    SavedModel model = train(TrainerConfig.builder("species").algorithm(algorithm).build(), PENGUINS.transformedTrain());
    double accuracy = Evaluation.of(model, PENGUINS.transformedEval()).metric("accuracy");
    System.out.printf("penguin eval accuracy, %s: %.4f%n", algorithm.id(), accuracy);
    assertTrue(accuracy >= 0.9, algorithm.id() + " accuracy " + accuracy);
  }

  @ParameterizedTest
  @EnumSource(value = Algorithm.class, names = {"LOGISTIC_REGRESSION", "CART", "RANDOM_FOREST", "XGBOOST"})
  void sameDataConfigAndSeedGiveTheSameModelInAnyRowOrder(Algorithm algorithm) {
    TrainerConfig config = TrainerConfig.builder("species").algorithm(algorithm).seed(11).build();
    List<Row> shuffled = new ArrayList<>(PENGUINS.transformedTrain());
    Collections.reverse(shuffled);

    List<Score> first = scores(train(config, PENGUINS.transformedTrain()));
    List<Score> second = scores(train(config, shuffled));

    assertEquals(first, second);
  }

  @Test
  void anotherSeedGivesAnotherModel() {
    TrainerConfig.Builder config = TrainerConfig.builder("species").algorithm(Algorithm.RANDOM_FOREST);
    List<Score> seed1 = scores(train(config.seed(1).build(), PENGUINS.transformedTrain()));
    List<Score> seed2 = scores(train(config.seed(2).build(), PENGUINS.transformedTrain()));
    assertNotEquals(seed1, seed2);
  }

  private static SavedModel train(TrainerConfig config, List<Row> transformed) {
    return Trainer.of(config).train(PENGUINS.transformFn(), PENGUINS.transformDir().toString(), transformed);
  }

  private static List<Score> scores(SavedModel model) {
    Predictor predictor = Predictor.of(PENGUINS.transformFn(), model);
    return PENGUINS.eval().stream().map(predictor::predict).toList();
  }
}
