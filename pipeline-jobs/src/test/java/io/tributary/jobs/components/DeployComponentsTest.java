package io.tributary.jobs.components;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.jobs.infra.InfraBlessing;
import io.tributary.jobs.push.PushRecord;
import io.tributary.jobs.testing.PenguinTraining;
import io.tributary.jobs.tune.BestHyperParameters;
import io.tributary.jobs.tune.Trials;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tuner, InfraValidator and Pusher as the driver calls them: a context of input and output folders. */
class DeployComponentsTest {

  private static final PenguinTraining PENGUINS = PenguinTraining.get();

  @TempDir Path dir;

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

  @Test
  void theRegistryKnowsTheDeployComponents() {
    ComponentRegistry registry = ComponentRegistry.standard();
    assertTrue(registry.types().containsAll(List.of("Tuner", "InfraValidator", "Pusher")), registry.types().toString());
  }

  @Test
  void tunerTakesItsConfigRelativeToThePipelineAndFingerprintsItsContent() throws Exception {
    TunerComponent tuner = new TunerComponent();
    assertEquals(Set.of("config", "parallelism", "trainSplit", "evalSplit"), tuner.parameters().keySet());
    Path config = Files.writeString(dir.resolve("tune.yaml"), """
        label: species
        algorithm: cart
        search: {strategy: grid, metric: accuracy, parameters: {maxDepth: [1, 4]}}
        """);
    ComponentContext context = context(Map.of("config", "tune.yaml", "parallelism", "2"),
        Map.of("examples", PENGUINS.examples, "transform_graph", PENGUINS.transform),
        Map.of("best_hyperparameters", dir.resolve("out/best")));

    Map<String, Map<String, Object>> properties = tuner.execute(context);

    Path best = dir.resolve("out/best");
    assertEquals(4, BestHyperParameters.read(best).hyperParameters().get("maxDepth").intValue());
    assertEquals(2, Trials.read(best).trials().size());
    assertEquals(Map.of("algorithm", "cart", "metric", "accuracy", "value", Trials.read(best).best().value(),
        "best_trial", 1L, "trials", 2L), properties.get("best_hyperparameters"));
    String before = tuner.externalFingerprint(context);
    Files.writeString(config, Files.readString(config).replace("[1, 4]", "[1, 5]"));
    assertNotEquals(before, tuner.externalFingerprint(context));
    assertThrows(IllegalArgumentException.class, () -> tuner.checkParameters(Map.of("parallelism", "2")));
  }

  @Test
  void infraValidatorRecordsTheVerdictAsBlessed() throws Exception {
    InfraValidatorComponent validator = new InfraValidatorComponent();
    Path output = dir.resolve("infra_blessing");
    Map<String, Map<String, Object>> properties = validator.execute(context(
        Map.of("canaryRows", "10", "maxP99LatencyMs", "1000"),
        Map.of("model", PENGUINS.model, "examples", PENGUINS.examples, "transform_graph", PENGUINS.transform),
        Map.of("infra_blessing", output)));

    assertEquals(1L, properties.get("infra_blessing").get("blessed"));
    assertTrue(Files.exists(output.resolve(InfraBlessing.BLESSED)));
    assertEquals(10, InfraBlessing.read(output).canaryRows());
    IllegalArgumentException wrong =
        assertThrows(IllegalArgumentException.class, () -> validator.checkParameters(Map.of("canaryRows", "many")));
    assertEquals("'canaryRows' is 'many': give a number", wrong.getMessage());
  }

  @Test
  void pusherIsSkippedUnlessBlessedAndInfraBlessed() throws Exception {
    PusherComponent pusher = new PusherComponent();
    assertEquals(Set.of("infra_blessing"), pusher.optionalInputs());
    Path blessed = marker(dir.resolve("blessed"), "BLESSED", "accuracy 0.97");
    Path notBlessed = marker(dir.resolve("not-blessed"), "NOT_BLESSED", "accuracy 0.61 is below 0.9\nauc too low");
    Path notInfra = marker(dir.resolve("not-infra"), "INFRA_NOT_BLESSED", "the model did not load in a fresh JVM");

    assertEquals(Optional.of("model not blessed: accuracy 0.61 is below 0.9; auc too low"),
        pusher.skipReason(pushContext(notBlessed, null)));
    assertEquals(Optional.of("model not infra-blessed: the model did not load in a fresh JVM"),
        pusher.skipReason(pushContext(blessed, notInfra)));
    assertEquals(Optional.empty(), pusher.skipReason(pushContext(blessed, null)));
  }

  @Test
  void pusherPushesIntoTheServingDirRelativeToThePipelineAndRecordsTheVersion() throws Exception {
    PusherComponent pusher = new PusherComponent();
    Path blessed = marker(dir.resolve("blessed"), "BLESSED", "accuracy 0.97");
    Path infra = marker(dir.resolve("infra"), "INFRA_BLESSED", "loaded in 300 ms");

    Map<String, Map<String, Object>> properties = pusher.execute(pushContext(blessed, infra));

    Path version = dir.resolve("serving/penguin/1");
    assertEquals(Map.of("version", 1L, "path", version.toString()), properties.get("pushed_model"));
    assertEquals(PushRecord.read(version), PushRecord.read(dir.resolve("out/pushed_model")));
    assertThrows(IllegalArgumentException.class,
        () -> pusher.checkParameters(Map.of("servingDir", "serving", "modelName", ".hidden")));
    assertFalse(pusher.parameters().isEmpty());
  }

  @Test
  void aPusherStoppedAfterItsRenameRecordsThatVersionWhenRunAgain() throws Exception {
    PusherComponent pusher = new PusherComponent();
    Path blessed = marker(dir.resolve("blessed"), "BLESSED", "accuracy 0.97");
    Files.writeString(dir.resolve("blocked"), "a file where the output folder's parent should be");
    // The first execution dies right after the rename: its output cannot be recorded.
    assertThrows(RuntimeException.class,
        () -> pusher.execute(pushContext(blessed, null, dir.resolve("blocked/pushed_model"))));
    assertTrue(Files.isDirectory(dir.resolve("serving/penguin/1")), "the rename happened");

    Map<String, Map<String, Object>> properties = pusher.execute(pushContext(blessed, null, dir.resolve("out/pushed_model")));

    Path version = dir.resolve("serving/penguin/1");
    assertEquals(Map.of("version", 1L, "path", version.toString()), properties.get("pushed_model"));
    assertEquals(PushRecord.read(version), PushRecord.read(dir.resolve("out/pushed_model")));
    assertFalse(Files.exists(dir.resolve("serving/penguin/2")), "the model is not published twice");
  }

  private ComponentContext pushContext(Path blessing, Path infraBlessing) {
    return pushContext(blessing, infraBlessing, dir.resolve("out/pushed_model"));
  }

  private ComponentContext pushContext(Path blessing, Path infraBlessing, Path pushedModel) {
    Map<String, Path> inputs = new HashMap<>(
        Map.of("model", PENGUINS.model, "blessing", blessing, "transform_graph", PENGUINS.transform));
    if (infraBlessing != null) {
      inputs.put("infra_blessing", infraBlessing);
    }
    return context(Map.of("servingDir", "serving", "modelName", "penguin"), inputs, Map.of("pushed_model", pushedModel));
  }

  private ComponentContext context(Map<String, Object> parameters, Map<String, Path> inputs, Map<String, Path> outputs) {
    return new ComponentContext("penguin", "Step", parameters, inputs, outputs, dir, List.of(),
        new PrintStream(printed, true, StandardCharsets.UTF_8));
  }

  private static Path marker(Path folder, String name, String text) throws IOException {
    Files.createDirectories(folder);
    Files.writeString(folder.resolve(name), text + "\n");
    return folder;
  }
}
