package io.tributary.transforms.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.evaluate.blessing.EvalConfig;
import io.tributary.transforms.train.TrainerConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Mistakes in spec and config files are reported in our words, with the line and the closest
 * valid name; no Jackson text or class name reaches the user.
 */
class SpecErrorsTest {

  @Test
  void anUnknownStepNamesItsLineAndTheClosestStep() {
    SpecException e = fails(() -> TransformSpec.fromYaml("""
        features:
          - name: age_z
            inputs: [age]
            steps:
              - {op: impute, strategy: mean}
              - {op: zscore}
        passThrough: [label]
        """));
    assertEquals(6, e.line());
    assertTrue(e.reason().startsWith("unknown op 'zscore' in features[0].steps[1]; did you mean 'zScore'?"), e.reason());
    assertTrue(e.reason().contains("missingIndicator"), "the valid ops are listed: " + e.reason());
    assertEquals("transform.yaml:6: " + e.reason(), e.at("transform.yaml"));
  }

  @Test
  void aStepWithoutOpSaysWhichOpsThereAre() {
    SpecException e = fails(() -> TransformSpec.fromJson(
        "{\"features\": [{\"name\": \"a\", \"inputs\": [\"a\"], \"steps\": [{\"strategy\": \"mean\"}]}]}"));
    assertTrue(e.reason().startsWith("missing 'op' in features[0].steps[0] (ops: ["), e.reason());
  }

  @Test
  void anUnknownFieldNamesTheClosestField() {
    SpecException e = fails(() -> TrainerConfig.fromYaml("label: species\nalgoritm: cart\n"));
    assertEquals(2, e.line());
    assertTrue(e.reason().startsWith("unknown field 'algoritm'; did you mean 'algorithm'?"), e.reason());
  }

  @Test
  void aValueOfTheWrongTypeSaysWhatItMustBe() {
    SpecException e = fails(() -> TrainerConfig.fromYaml("label: species\nseed: seven\n"));
    assertEquals(2, e.line());
    assertEquals("'seed' must be a whole number, not 'seven'", e.reason());
    SpecException list = fails(() -> TransformSpec.fromYaml("passThrough: {a: b}\n"));
    assertTrue(list.reason().startsWith("'passThrough' must be a list"), list.reason());
  }

  @Test
  void aKeyGivenTwiceIsAnErrorWithItsLine() {
    SpecException e = fails(() -> TrainerConfig.fromYaml("label: species\nseed: 1\nlabel: island\n"));
    assertEquals(3, e.line());
    assertTrue(e.reason().startsWith("'label' is given twice"), e.reason());
    SpecException json = fails(() -> TrainerConfig.fromJson("{\"label\": \"a\",\n \"label\": \"b\"}"));
    assertEquals(2, json.line());
  }

  @Test
  void anUnknownAlgorithmNamesTheClosestOne() {
    SpecException e = fails(() -> TrainerConfig.fromYaml("label: species\nalgorithm: xgbost\n"));
    assertTrue(e.reason().contains("did you mean 'xgboost'?"), e.reason());
  }

  @Test
  void aMisspeltThresholdMetricIsFoundWhenTheConfigIsRead() {
    SpecException e = fails(() -> EvalConfig.fromYaml("""
        thresholds:
          - {metric: accuracy, lowerBound: 0.9}
          - {metric: acuracy, lowerBound: 0.9}
        """));
    assertEquals(3, e.line());
    assertTrue(e.reason().contains("unknown metric 'acuracy' in a threshold; did you mean 'accuracy'?"), e.reason());
  }

  @Test
  void didYouMeanIgnoresCaseAndSeparatorsAndStaysQuietWhenNothingIsClose() {
    assertEquals("zScore", DidYouMean.closest("z_score", List.of("zScore", "log1p")));
    assertEquals("macroF1", DidYouMean.closest("macro-f1", List.of("accuracy", "macroF1")));
    assertEquals("", DidYouMean.suffix("banana", List.of("zScore", "log1p")));
    assertEquals("", DidYouMean.suffix("zScore", List.of("zScore")));
  }

  private static SpecException fails(Executable read) {
    SpecException e = assertThrows(SpecException.class, read);
    assertFalse(e.getMessage().contains("io.tributary") || e.getMessage().contains("Could not resolve")
        || e.getMessage().contains("Cannot deserialize") || e.getMessage().contains("Unrecognized"), e.getMessage());
    return e;
  }
}
