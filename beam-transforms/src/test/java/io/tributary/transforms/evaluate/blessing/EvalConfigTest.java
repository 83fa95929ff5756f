package io.tributary.transforms.evaluate.blessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.evaluate.Slice;
import io.tributary.transforms.model.Task;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The config file format, its builder, and its mistakes reported with the fix. */
class EvalConfigTest {

  private static final String YAML =
      """
      label: species
      slices: [island, [island, sex]]
      thresholds:
        - {metric: accuracy, lowerBound: 0.9}
        - {metric: "recall[Chinstrap]", lowerBound: 0.8, slice: {island: Dream}}
        - {metric: macroF1, lowerBound: 0.5, slice: {sex: "*", island: "*"}}
        - metric: accuracy
          change: {direction: higher_is_better, absolute: -0.01}
      """;

  @Test
  void yamlReadsAsTheBuilderBuildsIt() {
    EvalConfig read = EvalConfig.fromYaml(YAML);
    EvalConfig built =
        EvalConfig.builder()
            .label("species")
            .slice(Slice.by("island"))
            .slice(Slice.cross("island", "sex"))
            .threshold(Threshold.atLeast("accuracy", 0.9))
            .threshold(Threshold.atLeast("recall[Chinstrap]", 0.8).onSlice(Map.of("island", "Dream")))
            .threshold(Threshold.atLeast("macroF1", 0.5).onSlice(Map.of("sex", "*", "island", "*")))
            .threshold(Threshold.change("accuracy", ChangeThreshold.absolute(Direction.HIGHER_IS_BETTER, -0.01)))
            .build();
    assertEquals(built.slices(), read.slices());
    assertEquals(List.of(Slice.overall(), Slice.by("island"), Slice.cross("island", "sex")), read.slices());
    assertEquals(built.thresholds().get(3), read.thresholds().get(3));
    assertEquals(read, EvalConfig.fromJson(read.toJson()), "JSON round trip");
    read.checkMetrics(Task.CLASSIFICATION);
  }

  @Test
  void theLabelDefaultsToTheModels() {
    EvalConfig config = EvalConfig.fromYaml("thresholds: [{metric: rmse, upperBound: 300}]");
    assertNull(config.label());
    assertEquals("body_mass_g", config.labelOr("body_mass_g"));
    assertEquals(List.of(Slice.overall()), config.slices());
    config.checkMetrics(Task.REGRESSION);
  }

  @Test
  void mistakesNameTheFix() {
    assertMessage("add [sex] to 'slices'", "slices: [island]\nthresholds: [{metric: accuracy, lowerBound: 0.9, slice: {sex: male}}]");
    assertMessage("listed twice", "slices: [island, [island]]");
    assertMessage("line 2: unknown field 'treshold'; did you mean 'thresholds'?", "label: species\ntreshold: []");
    assertMessage("sets nothing: give lowerBound, upperBound or change", "thresholds: [{metric: accuracy}]");
    assertMessage("needs 'absolute' or 'relative'", "thresholds: [{metric: accuracy, change: {direction: higher_is_better}}]");
    assertMessage("unknown direction 'up'", "thresholds: [{metric: accuracy, change: {direction: up, absolute: 0}}]");
    assertMessage("at most two columns", "slices: [[a, b, c]]");
    assertMessage("is above upperBound", "thresholds: [{metric: accuracy, lowerBound: 0.9, upperBound: 0.1}]");
    // A name no task has fails when the file is read, before the model's task is known.
    assertMessage("unknown metric 'acuracy' in a threshold; did you mean 'accuracy'?",
        "thresholds: [{metric: acuracy, lowerBound: 0.9}]");
    IllegalArgumentException otherTask = assertThrows(IllegalArgumentException.class,
        () -> EvalConfig.fromYaml("thresholds: [{metric: accuracy, lowerBound: 0.9}]").checkMetrics(Task.REGRESSION));
    assertTrue(otherTask.getMessage().startsWith("unknown regression metric 'accuracy'"), otherTask.getMessage());
    EvalConfig.fromYaml("thresholds: [{metric: \"f1[Adelie]\", lowerBound: 0.9}]").checkMetrics(Task.CLASSIFICATION);
  }

  private static void assertMessage(String expected, String yaml) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EvalConfig.fromYaml(yaml));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
