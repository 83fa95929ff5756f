package io.tributary.transforms.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.model.Predictor;
import io.tributary.transforms.model.SavedModel;
import io.tributary.transforms.model.Task;
import io.tributary.transforms.testing.PenguinExamples;
import io.tributary.transforms.transform.Step;
import io.tributary.transforms.transform.TransformFn;
import io.tributary.transforms.transform.TransformSpec;
import java.util.List;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Regression on the penguins (body mass from the other measurements), and the Trainer's checks. */
class TrainerRegressionTest {

  private static final PenguinExamples PENGUINS = PenguinExamples.get();

  /** Body mass (an integer column, so the task must be said) from everything else. */
  private static final TransformSpec BODY_MASS =
      TransformSpec.builder()
          .feature("bill_length", "bill_length_mm", Step.imputeMean(), Step.zScore())
          .feature("bill_depth", "bill_depth_mm", Step.imputeMean(), Step.zScore())
          .feature("flipper_length", "flipper_length_mm", Step.imputeMean(), Step.zScore())
          .feature("species", "species", Step.vocabulary(), Step.oneHot())
          .feature("sex", "sex", Step.vocabulary(), Step.oneHot())
          .passThrough("body_mass_g", "island")
          .drop("year")
          .build();

  private static final TransformFn FN = TransformFn.fit(BODY_MASS, PENGUINS.train().get(0).getSchema(), PENGUINS.train());

  @ParameterizedTest
  @EnumSource(value = Algorithm.class, names = {"LINEAR_SGD", "CART", "RANDOM_FOREST", "XGBOOST"})
  void everyRegressorPredictsBodyMass(Algorithm algorithm) {
    TrainerConfig config = TrainerConfig.builder("body_mass_g").task(Task.REGRESSION).algorithm(algorithm).build();
    SavedModel model = Trainer.of(config).train(FN, null, transform(PENGUINS.train()));
    Evaluation eval = Evaluation.of(model, transform(PENGUINS.eval()));

    System.out.printf("penguin body mass, %s: RMSE %.1f g, R2 %.3f%n", algorithm.id(), eval.metric("rmse"), eval.metric("r2"));
    assertTrue(eval.metric("r2") > 0.7, algorithm.id() + " R2 " + eval.metric("r2"));
    assertEquals(List.of("body_mass_g"), model.descriptor().provenance().outputs());
    long missingMass = PENGUINS.eval().stream().filter(row -> row.getValue("body_mass_g") == null).count();
    assertEquals(missingMass, eval.unlabelled());
    assertEquals(PENGUINS.eval().size() - missingMass, eval.examples());
    Row first = PENGUINS.eval().get(0);
    assertEquals(Predictor.of(FN, model).predict(first).value(),
        Predictor.of(FN, model).scoreTransformed(FN.apply(first)::getValue).value());
  }

  @Test
  void anIntegerLabelNeedsTheTaskSaid() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Trainer.of(TrainerConfig.builder("body_mass_g").build()).train(FN, null, transform(PENGUINS.train())));
    assertTrue(e.getMessage().contains("add 'task: classification'") && e.getMessage().contains("'task: regression'"),
        e.getMessage());
  }

  @Test
  void theLabelMustBePassedThroughAndFeaturesMustBeNumbers() {
    IllegalArgumentException notPassed = assertThrows(IllegalArgumentException.class,
        () -> Trainer.of(TrainerConfig.builder("year").build()).train(FN, null, transform(PENGUINS.train())));
    assertTrue(notPassed.getMessage().contains("add it to the transform spec's passThrough"), notPassed.getMessage());

    IllegalArgumentException text = assertThrows(IllegalArgumentException.class,
        () -> Trainer.of(TrainerConfig.builder("body_mass_g").task(Task.REGRESSION).features("bill_length", "island").build())
            .train(FN, null, transform(PENGUINS.train())));
    assertTrue(text.getMessage().contains("feature 'island' is STRING, but models read numbers"), text.getMessage());
  }

  private static List<Row> transform(List<Row> raw) {
    return raw.stream().map(FN::apply).toList();
  }
}
