package io.tributary.jobs.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.jobs.components.Component;
import io.tributary.jobs.components.ComponentContext;
import io.tributary.jobs.components.ComponentRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Evaluator as a pipeline component: its contract, and one execution with and one without a baseline. */
class EvaluatorComponentTest {

  private static final PenguinCandidates PENGUINS = PenguinCandidates.get();
  private final Component evaluator = ComponentRegistry.standard().get("Evaluator");

  @TempDir Path dir;

  @Test
  void declaresItsInputsOutputsAndParameters() {
    assertEquals(
        Map.of("examples", "Examples", "model", "Model", "transform_graph", "TransformGraph", "baseline_model", "Model"),
        evaluator.inputs());
    assertEquals(Set.of("baseline_model"), evaluator.optionalInputs());
    assertEquals(Map.of("evaluation", "ModelEvaluation", "blessing", "ModelBlessing"), evaluator.outputs());
    assertEquals(Set.of("config", "evalSplit"), evaluator.parameters().keySet());
  }

  @Test
  void blessesWithoutABaselineAndNotAgainstABetterOne() throws Exception {
    Files.writeString(dir.resolve("evaluation.yaml"),
        "thresholds: [{metric: accuracy, change: {absolute: -0.01}}, {metric: accuracy, lowerBound: 0.3}]");

    Map<String, Map<String, Object>> first = evaluator.execute(context("first", PENGUINS.weakModel, null));
    assertEquals(1L, first.get("blessing").get("blessed"), "no baseline: the change threshold is skipped");
    assertEquals(114L, first.get("evaluation").get("examples"));
    assertTrue(Files.exists(dir.resolve("first/blessing").resolve(BlessingFolder.BLESSED)));
    assertTrue(Files.exists(dir.resolve("first/evaluation").resolve(MetricsFile.FILE)));
    assertFalse(Files.exists(dir.resolve("first/evaluation").resolve(BlessingFolder.FILE)));

    Map<String, Map<String, Object>> second =
        evaluator.execute(context("second", PENGUINS.weakModel, PENGUINS.training.model));
    assertEquals(0L, second.get("blessing").get("blessed"));
    assertTrue(Files.exists(dir.resolve("second/blessing").resolve(BlessingFolder.NOT_BLESSED)));
  }

  @Test
  void theConfigsContentIsPartOfTheCacheKey() throws Exception {
    Path config = dir.resolve("evaluation.yaml");
    Files.writeString(config, "thresholds: [{metric: accuracy, lowerBound: 0.5}]");
    String before = evaluator.externalFingerprint(context("a", PENGUINS.training.model, null));
    Files.writeString(config, "thresholds: [{metric: accuracy, lowerBound: 0.9}]");
    assertNotEquals(before, evaluator.externalFingerprint(context("a", PENGUINS.training.model, null)));
  }

  private ComponentContext context(String run, Path model, Path baseline) throws IOException {
    Map<String, Path> inputs = new HashMap<>();
    inputs.put("examples", PENGUINS.training.examples);
    inputs.put("model", model);
    inputs.put("transform_graph", PENGUINS.training.transform);
    if (baseline != null) {
      inputs.put("baseline_model", baseline);
    }
    Files.createDirectories(dir.resolve(run));
    return new ComponentContext(
        "penguin", "Evaluator", Map.of("config", "evaluation.yaml"), inputs,
        Map.of("evaluation", dir.resolve(run).resolve("evaluation"), "blessing", dir.resolve(run).resolve("blessing")),
        dir, List.of(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }
}
