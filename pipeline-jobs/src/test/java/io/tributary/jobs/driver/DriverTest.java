package io.tributary.jobs.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.jobs.components.ComponentRegistry;
import io.tributary.jobs.pipeline.PipelineDefinition;
import io.tributary.metadata.Artifact;
import io.tributary.metadata.ArtifactState;
import io.tributary.metadata.Execution;
import io.tributary.metadata.ExecutionState;
import io.tributary.metadata.MetadataStore;
import io.tributary.metadata.Query;
import io.tributary.metadata.StoreConfig;
import io.tributary.metadata.Value;
import io.tributary.metadata.WellKnownTypes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver's caching, failure and recovery logic, with fake components and a real SQLite store. */
class DriverTest {

  @TempDir Path home;

  private final FakeComponent source = new FakeComponent("Source", Map.of());
  private final FakeComponent sink = new FakeComponent("Sink", Map.of("in", "Examples"));
  private final ComponentRegistry registry = ComponentRegistry.of(source, sink);
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

  private PipelineDefinition pipeline(String sourceValue, String sinkValue, boolean sinkFails) {
    return pipeline("p", sourceValue, sinkValue, sinkFails);
  }

  private PipelineDefinition pipeline(String name, String sourceValue, String sinkValue, boolean sinkFails) {
    return PipelineDefinition.builder(name, home)
        .component("A", "Source", Map.of("value", sourceValue), Map.of())
        .component("B", "Sink", Map.of("value", sinkValue, "fail", String.valueOf(sinkFails)), Map.of("in", "A.out"))
        .build(registry);
  }

  private RunSummary run(PipelineDefinition pipeline, Set<String> noCache) {
    return new Driver(store, registry, new PrintStream(printed, true, StandardCharsets.UTF_8))
        .run(pipeline, new DriverSettings(home, List.of(), false, noCache));
  }

  @Test
  void aSecondRunIsCachedAndAChangedParameterRerunsOnlyDownstream() throws Exception {
    RunSummary first = run(pipeline("x", "y", false), Set.of());
    assertEquals(List.of("COMPLETE", "COMPLETE"), first.steps().stream().map(StepResult::state).toList());
    Path out = Path.of(first.step("B").outputs().get("out"));
    assertEquals(home.resolve("pipelines/p/B/out/" + first.step("B").executionId()), out);
    assertEquals("y", Files.readString(out.resolve("value")));

    RunSummary second = run(pipeline("x", "y", false), Set.of());
    assertEquals(List.of("CACHED", "CACHED"), second.steps().stream().map(StepResult::state).toList());
    String report = Files.readString(home.resolve("pipelines/p/runs/" + second.runId() + "/run.html"));
    assertTrue(report.contains("data-component='A' data-state='CACHED'"), report);
    assertTrue(report.contains("data-component='B' data-state='CACHED'"), report);
    assertEquals(first.step("B").outputs(), second.step("B").outputs());
    assertEquals(1, source.executions.get());

    RunSummary changed = run(pipeline("x", "z", false), Set.of());
    assertEquals(List.of("CACHED", "COMPLETE"), changed.steps().stream().map(StepResult::state).toList());

    RunSummary forced = run(pipeline("x", "z", false), Set.of("A"));
    assertEquals(List.of("COMPLETE", "COMPLETE"), forced.steps().stream().map(StepResult::state).toList(),
        "a re-run upstream gives new input artifacts, so downstream re-runs too");
    assertEquals(2, source.executions.get());
  }

  /**
   * The store is lost (moved aside, as an error about a corrupt store advises): the new store's
   * execution ids start at 1 again, yet the run succeeds and the old folders are left as they were.
   */
  @Test
  void aNewStoreInAnOldHomeWritesNewFolders() throws Exception {
    RunSummary first = run(pipeline("x", "y", false), Set.of());
    Path firstOut = Path.of(first.step("B").outputs().get("out"));
    store.close();
    Path file = StoreConfig.inHome(home).sqliteFile();
    Files.move(file, file.resolveSibling("metadata.sqlite.broken"));
    store = MetadataStore.open(StoreConfig.inHome(home));

    RunSummary second = run(pipeline("x", "z", false), Set.of());
    assertEquals(List.of("COMPLETE", "COMPLETE"), second.steps().stream().map(StepResult::state).toList(),
        printed.toString(StandardCharsets.UTF_8));
    assertEquals(first.step("B").executionId(), second.step("B").executionId(), "ids restart on a new store");
    Path secondOut = Path.of(second.step("B").outputs().get("out"));
    assertEquals(firstOut.resolveSibling(firstOut.getFileName() + "-2"), secondOut);
    assertEquals("y", Files.readString(firstOut.resolve("value")));
    assertEquals("z", Files.readString(secondOut.resolve("value")));
  }

  @Test
  void aFailureLeavesNoOutputAndNothingLive() throws Exception {
    RunSummary failed = run(pipeline("x", "y", true), Set.of());
    assertFalse(failed.succeeded());
    StepResult b = failed.step("B");
    assertEquals("FAILED", b.state());
    assertEquals("asked to fail", b.error());
    Path outFolder = home.resolve("pipelines/p/B/out");
    try (Stream<Path> left = Files.list(outFolder)) {
      assertEquals(List.of(), left.toList(), "neither the half-written output nor its staging folder is left");
    }
    List<Artifact> abandoned = store.findArtifacts(Query.all().withState(ArtifactState.ABANDONED));
    assertEquals(1, abandoned.size());
    assertEquals(List.of(), store.findExecutions(Query.all().withState(ExecutionState.RUNNING)));
    RunSummary fixed = run(pipeline("x", "y", false), Set.of());
    assertEquals(List.of("CACHED", "COMPLETE"), fixed.steps().stream().map(StepResult::state).toList(),
        "a failed execution is never a cache hit; what completed is reused");
  }

  @Test
  void executionsOfADeadDriverAreFailedAndTheirFilesRemoved() throws Exception {
    Process dead = new ProcessBuilder("true").start();
    dead.waitFor();
    WellKnownTypes.registerAll(store);
    store.registerType(io.tributary.metadata.NodeType.execution("Source"));
    var pipelineContext = store.ensureContext(WellKnownTypes.PIPELINE, "p");
    Path half = home.resolve("pipelines/p/A/out/99");
    Files.createDirectories(half);
    Files.createDirectories(home.resolve("pipelines/p/A/out/.99.staging-x"));
    Artifact pending = store.putArtifact(Artifact.of("Examples", half.toString()));
    Execution running = store.putExecution(Execution.of("Source").withState(ExecutionState.RUNNING)
        .withCustomProperty(StaleExecutions.PID, Value.of(dead.pid()))
        .withCustomProperty(StaleExecutions.HOST, Value.of(Driver.hostName()))
        .withCustomProperty(StaleExecutions.PENDING_OUTPUTS, Value.of(String.valueOf(pending.id()))));
    store.associate(pipelineContext.id(), running.id());

    RunSummary run = run(pipeline("x", "y", false), Set.of());
    assertTrue(run.succeeded());
    assertEquals(ExecutionState.FAILED, store.getExecution(running.id()).state());
    assertEquals(ArtifactState.ABANDONED, store.getArtifact(pending.id()).state());
    assertFalse(Files.exists(half));
    assertFalse(Files.exists(home.resolve("pipelines/p/A/out/.99.staging-x")));
    assertTrue(printed.toString(StandardCharsets.UTF_8).contains("of a driver that died is now FAILED"));
  }

  @Test
  void twoPipelinesAtOnceAgainstOneStoreBothFinish() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<RunSummary>> runs = new java.util.ArrayList<>();
    for (String name : List.of("first", "second")) {
      runs.add(pool.submit(() -> {
        try (MetadataStore own = MetadataStore.open(StoreConfig.inHome(home))) {
          return new Driver(own, registry, new PrintStream(printed, true, StandardCharsets.UTF_8))
              .run(pipeline(name, name, name, false), new DriverSettings(home, List.of(), false, Set.of()));
        }
      }));
    }
    for (Future<RunSummary> run : runs) {
      assertTrue(run.get(2, TimeUnit.MINUTES).succeeded());
    }
    pool.shutdown();
    assertEquals(4, store.findExecutions(Query.all().withState(ExecutionState.COMPLETE)).size());
    for (String name : List.of("first", "second")) {
      var context = store.findContext(WellKnownTypes.PIPELINE, name).orElseThrow();
      assertEquals(2, store.findArtifacts(Query.all().inContext(context.id()).withState(ArtifactState.LIVE)).size());
    }
  }

  @Test
  void aLiveDriversExecutionIsLeftAlone() {
    WellKnownTypes.registerAll(store);
    store.registerType(io.tributary.metadata.NodeType.execution("Source"));
    var pipelineContext = store.ensureContext(WellKnownTypes.PIPELINE, "p");
    Execution running = store.putExecution(Execution.of("Source").withState(ExecutionState.RUNNING)
        .withCustomProperty(StaleExecutions.PID, Value.of(ProcessHandle.current().pid()))
        .withCustomProperty(StaleExecutions.HOST, Value.of(Driver.hostName())));
    store.associate(pipelineContext.id(), running.id());
    run(pipeline("x", "y", false), Set.of());
    assertEquals(ExecutionState.RUNNING, store.getExecution(running.id()).state());
  }
}
