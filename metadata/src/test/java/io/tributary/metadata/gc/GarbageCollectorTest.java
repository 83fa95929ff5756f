package io.tributary.metadata.gc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.metadata.Artifact;
import io.tributary.metadata.ArtifactAndEvent;
import io.tributary.metadata.ArtifactState;
import io.tributary.metadata.Context;
import io.tributary.metadata.Execution;
import io.tributary.metadata.ExecutionState;
import io.tributary.metadata.MetadataStore;
import io.tributary.metadata.NodeType;
import io.tributary.metadata.Publication;
import io.tributary.metadata.StoreConfig;
import io.tributary.metadata.Value;
import io.tributary.metadata.WellKnownTypes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three runs of one pipeline, each ExampleGen -> Trainer -> Evaluator, with real files. Only the
 * first run's model is blessed, so with keep-last 1 run 2 is collected, run 1 is protected by
 * the blessed model's lineage and run 3 is kept.
 */
class GarbageCollectorTest {
  @TempDir Path root;
  private MetadataStore store;
  private Context pipeline;

  @BeforeEach
  void open() {
    store = MetadataStore.open(StoreConfig.inHome(root.resolve("home")));
    WellKnownTypes.registerAll(store);
    for (String component : List.of("ExampleGen", "Trainer", "Evaluator")) {
      store.registerType(NodeType.execution(component));
    }
    pipeline = store.ensureContext(WellKnownTypes.PIPELINE, "penguin");
  }

  @AfterEach
  void close() {
    store.close();
  }

  /** One run; returns its examples, model and blessing. */
  private List<Artifact> run(int n, boolean blessed) throws Exception {
    Context run = store.ensureContext(WellKnownTypes.PIPELINE_RUN, "run-" + n);
    store.setParentContext(run.id(), pipeline.id());
    List<Context> contexts = List.of(pipeline, run);
    Artifact examples = publish("ExampleGen", null, WellKnownTypes.EXAMPLES, n, contexts, null);
    Artifact model = publish("Trainer", examples, WellKnownTypes.MODEL, n, contexts, null);
    Artifact blessing = publish("Evaluator", model, WellKnownTypes.MODEL_BLESSING, n, contexts,
        live -> live.withProperty(WellKnownTypes.BLESSED, Value.of(blessed ? 1 : 0))
            .withProperty(WellKnownTypes.MODEL_ID, Value.of(model.id())));
    return List.of(examples, model, blessing);
  }

  private Artifact publish(String component, Artifact input, String outputType, int run, List<Context> contexts,
      java.util.function.UnaryOperator<Artifact> decorate) throws Exception {
    Path dir = Files.createDirectories(root.resolve("p").resolve(component).resolve("out").resolve("" + run));
    Files.writeString(dir.resolve("data.txt"), "run " + run);
    Artifact output = Artifact.of(outputType, dir.toString()).withState(ArtifactState.LIVE);
    if (decorate != null) {
      output = decorate.apply(output);
    }
    List<ArtifactAndEvent> io = input == null
        ? List.of(ArtifactAndEvent.output(output, "out"))
        : List.of(ArtifactAndEvent.input(input, "in"), ArtifactAndEvent.output(output, "out"));
    Publication p = store.publishExecution(Execution.of(component).withState(ExecutionState.COMPLETE), io, contexts);
    return p.artifacts().get(p.artifacts().size() - 1);
  }

  @Test
  void collectsOldRunsButNeverTheBlessedModelsLineage() throws Exception {
    List<Artifact> run1 = run(1, true);
    List<Artifact> run2 = run(2, false);
    List<Artifact> run3 = run(3, false);

    GcReport dry = GarbageCollector.keepLast(1).dryRun(true).run(store);
    assertEquals(List.of("run-2", "run-1"), dry.oldRuns().stream().map(Context::name).toList());
    assertEquals(ids(run2), dry.collected().stream().map(Artifact::id).sorted().toList());
    assertTrue(run2.stream().allMatch(a -> Files.exists(Path.of(a.uri()))), "a dry run deletes nothing");
    assertEquals(ArtifactState.LIVE, store.getArtifact(run2.get(0).id()).state());

    GcReport report = GarbageCollector.keepLast(1).run(store);
    assertEquals(ids(run2), report.collected().stream().map(Artifact::id).sorted().toList());
    assertEquals(ids(run1), report.kept().stream().map(Artifact::id).sorted().toList());
    for (Artifact a : run2) {
      assertFalse(Files.exists(Path.of(a.uri())));
      assertEquals(ArtifactState.DELETED, store.getArtifact(a.id()).state());
    }
    for (Artifact a : concat(run1, run3)) {
      assertTrue(Files.exists(Path.of(a.uri())));
      assertEquals(ArtifactState.LIVE, store.getArtifact(a.id()).state());
    }
    assertEquals(run1.get(1), store.latestBlessedModel("penguin").orElseThrow());
    assertEquals(List.of(), GarbageCollector.keepLast(1).run(store).collected(), "a second run has nothing left");
  }

  /**
   * The user's raw input of each span is recorded as an ExternalFile input of ExampleGen. It was
   * removed with the old run's outputs before gc checked who wrote an artifact.
   */
  @Test
  void neverRemovesTheUsersInputFiles() throws Exception {
    List<Path> inputs = new java.util.ArrayList<>();
    for (int span = 1; span <= 2; span++) {
      Context run = store.ensureContext(WellKnownTypes.PIPELINE_RUN, "span-run-" + span);
      store.setParentContext(run.id(), pipeline.id());
      Path csv = Files.createDirectories(root.resolve("data").resolve("" + span)).resolve("penguins.csv");
      Files.writeString(csv, "species\nAdelie\n");
      inputs.add(csv);
      Artifact raw = Artifact.of(WellKnownTypes.EXTERNAL_FILE, csv.toString()).withState(ArtifactState.LIVE);
      Path out = Files.createDirectories(root.resolve("p/ExampleGen/examples/" + span));
      Artifact examples = Artifact.of(WellKnownTypes.EXAMPLES, out.toString()).withState(ArtifactState.LIVE);
      store.publishExecution(Execution.of("ExampleGen").withState(ExecutionState.COMPLETE),
          List.of(ArtifactAndEvent.input(raw, "source"), ArtifactAndEvent.output(examples, "examples")),
          List.of(pipeline, run));
    }

    GcReport dry = GarbageCollector.keepLast(1).dryRun(true).run(store);
    assertEquals(List.of(root.resolve("p/ExampleGen/examples/1").toString()),
        dry.collected().stream().map(Artifact::uri).toList(), "a dry run lists exactly what will go");

    GcReport report = GarbageCollector.keepLast(1).run(store);
    assertEquals(1, report.collected().size(), report.collected().toString());
    assertFalse(Files.exists(root.resolve("p/ExampleGen/examples/1")));
    for (Path input : inputs) {
      assertTrue(Files.exists(input), input + " is the user's file and stays");
    }
    assertTrue(store.findArtifacts(io.tributary.metadata.Query.all().withType(WellKnownTypes.EXTERNAL_FILE)).stream()
        .allMatch(a -> a.state() == ArtifactState.LIVE));
  }

  @Test
  void filesThatCannotBeRemovedStayMarkedForTheNextCollection() throws Exception {
    List<Artifact> run1 = run(1, false);
    run(2, false);
    run(3, false);
    GcReport failed = GarbageCollector.keepLast(2)
        .withFileRemover(uri -> {
          throw new java.io.IOException("disk on fire");
        })
        .run(store);
    assertEquals(List.of(), failed.collected());
    assertEquals(List.of("disk on fire", "disk on fire", "disk on fire"), List.copyOf(failed.failures().values()));
    for (Artifact a : run1) {
      assertEquals(ArtifactState.MARKED_FOR_DELETION, store.getArtifact(a.id()).state());
      assertTrue(Files.exists(Path.of(a.uri())));
    }
    GcReport retry = GarbageCollector.keepLast(2).run(store);
    assertEquals(ids(run1), retry.collected().stream().map(Artifact::id).sorted().toList());
    assertTrue(run1.stream().noneMatch(a -> Files.exists(Path.of(a.uri()))));
  }

  @Test
  void badArgumentsAndEmptyStores() {
    assertThrows(IllegalArgumentException.class, () -> GarbageCollector.keepLast(0));
    assertEquals(List.of(), GarbageCollector.keepLast(1).run(store).oldRuns());
  }

  @Test
  void remoteUrisAreNotDeletedLocally() {
    assertThrows(java.io.IOException.class, () -> FileRemover.local().remove("gs://bucket/model"));
  }

  private static List<Long> ids(List<Artifact> artifacts) {
    return artifacts.stream().map(Artifact::id).sorted().toList();
  }

  private static List<Artifact> concat(List<Artifact> a, List<Artifact> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
