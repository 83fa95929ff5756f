package io.tributary.jobs.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.jobs.components.ComponentRegistry;
import io.tributary.jobs.pipeline.PipelineDefinition;
import io.tributary.jobs.pipeline.PipelineException;
import io.tributary.metadata.Execution;
import io.tributary.metadata.ExecutionState;
import io.tributary.metadata.MetadataStore;
import io.tributary.metadata.Query;
import io.tributary.metadata.StoreConfig;
import io.tributary.metadata.WellKnownTypes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolver inputs, optional inputs and skipped steps, with fake components and a real SQLite store. */
class ResolverInputsTest {

  @TempDir Path home;

  private final FakeComponent trainer = new FakeComponent("Trainer", Map.of(), "Model", Set.of());
  private final FakeComponent evaluator = new FakeComponent("Evaluator",
      Map.of("model", "Model", "baseline", "Model"), "ModelBlessing", Set.of("baseline"));
  private final FakeComponent pusher = new FakeComponent("Pusher",
      Map.of("model", "Model", "blessing", "ModelBlessing"), "PushedModel", Set.of());
  private final FakeComponent announcer = new FakeComponent("Announcer", Map.of("pushed", "PushedModel"));
  private final FakeComponent gen = new FakeComponent("Gen", Map.of());
  private final FakeComponent stats = new FakeComponent("Stats", Map.of("examples", "Examples"), "ExampleStatistics", Set.of());
  private final FakeComponent drift = new FakeComponent("Drift",
      Map.of("statistics", "ExampleStatistics", "baseline", "ExampleStatistics"), "ExampleAnomalies", Set.of("baseline"));
  private final ComponentRegistry registry =
      ComponentRegistry.of(trainer, evaluator, pusher, announcer, gen, stats, drift);
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private MetadataStore store;

  @BeforeEach
  void open() {
    store = MetadataStore.open(StoreConfig.inHome(home));
  }

  @AfterEach
  void close() {
    store.close();
  }

  private RunSummary run(PipelineDefinition pipeline) {
    return new Driver(store, registry, new PrintStream(printed, true, StandardCharsets.UTF_8))
        .run(pipeline, new DriverSettings(home, List.of(), false, Set.of()));
  }

  private PipelineDefinition training(String model, int blessed, String pushSkip) {
    Map<String, String> pushParameters = pushSkip == null ? Map.of() : Map.of("skip", pushSkip);
    return PipelineDefinition.builder("p", home)
        .component("Trainer", "Trainer", Map.of("value", model), Map.of())
        .component("Evaluator", "Evaluator", Map.of("properties", "blessed=" + blessed),
            Map.of("model", "Trainer.out", "baseline", "latestBlessedModel()"))
        .component("Pusher", "Pusher", pushParameters, Map.of("model", "Trainer.out", "blessing", "Evaluator.out"))
        .component("Announcer", "Announcer", Map.of(), Map.of("pushed", "Pusher.out"))
        .build(registry);
  }

  private static List<String> states(RunSummary run) {
    return run.steps().stream().map(StepResult::state).toList();
  }

  @Test
  void theBaselineIsTheLatestBlessedModelButNeverTheCandidate() {
    RunSummary first = run(training("m1", 1, null));
    assertTrue(first.succeeded());
    assertNull(evaluator.lastInputs.get("baseline"), "a first run has no baseline");
    Path model1 = Path.of(first.step("Trainer").outputs().get("out"));
    assertEquals(model1.toString(), store.latestBlessedModel("p").orElseThrow().uri());
    long model1Id = store.latestBlessedModel("p").orElseThrow().id();
    long blessingModelId = store.findArtifacts(Query.all().withType(WellKnownTypes.MODEL_BLESSING)).get(0)
        .property(WellKnownTypes.MODEL_ID).asLong();
    assertEquals(model1Id, blessingModelId, "the driver names the judged model on the blessing");

    RunSummary again = run(training("m1", 1, null));
    assertEquals(List.of("CACHED", "CACHED", "CACHED", "CACHED"), states(again),
        "the blessed candidate is not its own baseline, so nothing changes and everything is cached");

    RunSummary better = run(training("m2", 1, null));
    assertEquals(List.of("COMPLETE", "COMPLETE", "COMPLETE", "COMPLETE"), states(better));
    assertEquals(model1, evaluator.lastInputs.get("baseline"));
    Path model2 = Path.of(better.step("Trainer").outputs().get("out"));

    RunSummary worse = run(training("m3", 0, "model not blessed"));
    assertEquals(model2, evaluator.lastInputs.get("baseline"));
    assertEquals(model2.toString(), store.latestBlessedModel("p").orElseThrow().uri(),
        "an unblessed model never becomes the baseline");
    assertTrue(worse.succeeded(), "a skipped step is no failure");
  }

  @Test
  void aSkippedStepSkipsWhatReadsItsOutputsAndIsRecorded() {
    RunSummary run = run(training("m1", 0, "model not blessed: accuracy 0.5 < 0.9"));
    assertEquals(List.of("COMPLETE", "COMPLETE", "SKIPPED", "SKIPPED"), states(run));
    assertEquals("model not blessed: accuracy 0.5 < 0.9", run.step("Pusher").skipReason());
    assertEquals("input pushed was not produced: Pusher was skipped", run.step("Announcer").skipReason());
    assertEquals(0, pusher.executions.get());
    List<Execution> canceled = store.findExecutions(Query.all().withState(ExecutionState.CANCELED));
    assertEquals(2, canceled.size());
    assertTrue(canceled.stream().anyMatch(e ->
        e.customProperties().get(Driver.SKIP_REASON).asString().startsWith("model not blessed")));
    assertTrue(printed.toString(StandardCharsets.UTF_8).contains("model not blessed"));
  }

  private PipelineDefinition spans(String data, int span) {
    return PipelineDefinition.builder("s", home)
        .component("Gen", "Gen", Map.of("value", data, "properties", "span=" + span), Map.of())
        .component("Stats", "Stats", Map.of(), Map.of("examples", "Gen.out"))
        .component("Drift", "Drift", Map.of(), Map.of("statistics", "Stats.out", "baseline", "previousSpan(Stats.out)"))
        .build(registry);
  }

  @Test
  void previousSpanFindsTheStatisticsOfTheLargestEarlierSpan() {
    RunSummary first = run(spans("a", 5));
    assertTrue(first.succeeded());
    assertNull(drift.lastInputs.get("baseline"));
    assertTrue(printed.toString(StandardCharsets.UTF_8).contains("input baseline left out"));

    RunSummary second = run(spans("b", 7));
    assertEquals(Path.of(first.step("Stats").outputs().get("out")), drift.lastInputs.get("baseline"));

    run(spans("c", 6));
    assertEquals(Path.of(first.step("Stats").outputs().get("out")), drift.lastInputs.get("baseline"),
        "span 6 compares with span 5, not with the newer span 7");

    run(spans("d", 9));
    assertEquals(Path.of(second.step("Stats").outputs().get("out")), drift.lastInputs.get("baseline"));
  }

  @Test
  void aRequiredResolverInputWithNothingToFindFailsTheStep() {
    PipelineDefinition push = PipelineDefinition.builder("q", home)
        .component("Evaluator", "Evaluator", Map.of(), Map.of("model", "latestBlessedModel()"))
        .build(registry);
    RunSummary run = run(push);
    assertFalse(run.succeeded());
    assertEquals("input model: pipeline q has no blessed model yet", run.step("Evaluator").error());
  }

  @Test
  void referencesAreCheckedBeforeAnythingRuns() {
    var badSyntax = assertThrows(PipelineException.class, () -> PipelineDefinition.builder("p", home)
        .component("Trainer", "Trainer", Map.of(), Map.of())
        .component("Evaluator", "Evaluator", Map.of(), Map.of("model", "latestModel"))
        .build(registry));
    assertTrue(badSyntax.getMessage().contains("write Component.output, latestBlessedModel() or previousSpan("),
        badSyntax.getMessage());
    var wrongType = assertThrows(PipelineException.class, () -> PipelineDefinition.builder("p", home)
        .component("Gen", "Gen", Map.of(), Map.of())
        .component("Stats", "Stats", Map.of(), Map.of("examples", "latestBlessedModel()"))
        .build(registry));
    assertTrue(wrongType.getMessage().contains("wants Examples but 'latestBlessedModel()' is Model"),
        wrongType.getMessage());
    var missing = assertThrows(PipelineException.class, () -> PipelineDefinition.builder("p", home)
        .component("Evaluator", "Evaluator", Map.of(), Map.of())
        .build(registry));
    assertTrue(missing.getMessage().contains("needs input 'model'"), missing.getMessage());
    // The optional baseline may be left out.
    PipelineDefinition.builder("p", home)
        .component("Trainer", "Trainer", Map.of(), Map.of())
        .component("Evaluator", "Evaluator", Map.of(), Map.of("model", "Trainer.out"))
        .build(registry);
  }
}
