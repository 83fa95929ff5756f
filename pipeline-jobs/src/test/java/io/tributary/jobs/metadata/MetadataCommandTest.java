package io.tributary.jobs.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.jobs.cli.TributaryCli;
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
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tributary metadata ...} end to end through the real CLI entry point, on a SQLite home. */
class MetadataCommandTest {
  @TempDir Path home;
  private final List<Publication> trainers = new ArrayList<>();
  private Artifact examples;

  /** The result of one CLI invocation. */
  record Result(int code, String out, String err) {}

  static Result cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = TributaryCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  private Result metadata(String... args) {
    List<String> all = new ArrayList<>(List.of("metadata"));
    all.addAll(List.of(args));
    all.add("--home=" + home);
    return cli(all.toArray(String[]::new));
  }

  /** Two runs of "penguin": ExampleGen once, then a Trainer per run; run 1's model blessed. */
  @BeforeEach
  void fill() throws Exception {
    try (MetadataStore store = MetadataStore.open(StoreConfig.inHome(home))) {
      WellKnownTypes.registerAll(store);
      store.registerType(NodeType.execution("ExampleGen"));
      store.registerType(NodeType.execution("Trainer"));
      Context pipeline = store.ensureContext(WellKnownTypes.PIPELINE, "penguin");
      for (int run = 1; run <= 2; run++) {
        Context runContext = store.ensureContext(WellKnownTypes.PIPELINE_RUN, "run-" + run);
        store.setParentContext(runContext.id(), pipeline.id());
        List<Context> contexts = List.of(pipeline, runContext);
        if (run == 1) {
          Path data = Files.createDirectories(home.resolve("p/ExampleGen/examples/1"));
          examples = store.publishExecution(Execution.of("ExampleGen").withState(ExecutionState.COMPLETE),
              List.of(ArtifactAndEvent.output(live(WellKnownTypes.EXAMPLES, data), "examples", "train")),
              contexts).artifacts().get(0);
        }
        Path model = Files.createDirectories(home.resolve("p/Trainer/model/" + run));
        Files.writeString(model.resolve("model.pb"), "weights");
        Publication trainer = store.publishExecution(
            Execution.of("Trainer").withState(ExecutionState.COMPLETE).withCacheKey("key-" + run),
            List.of(ArtifactAndEvent.input(examples, "examples"),
                ArtifactAndEvent.output(live(WellKnownTypes.MODEL, model), "model")),
            contexts);
        trainers.add(trainer);
        if (run == 1) {
          Artifact blessing = store.putArtifact(
              live(WellKnownTypes.MODEL_BLESSING, Files.createDirectories(home.resolve("p/b/1")))
                  .withProperty(WellKnownTypes.BLESSED, Value.of(1))
                  .withProperty(WellKnownTypes.MODEL_ID, Value.of(trainer.artifacts().get(1).id())));
          store.attribute(pipeline.id(), blessing.id());
        }
      }
    }
  }

  private static Artifact live(String type, Path path) {
    return Artifact.of(type, path.toString()).withState(ArtifactState.LIVE);
  }

  private long model(int run) {
    return trainers.get(run - 1).artifacts().get(1).id();
  }

  @Test
  void runsAreListedNewestFirstWithTheirCounts() {
    Result r = metadata("runs");
    assertEquals(0, r.code(), r.err());
    String[] lines = r.out().split("\n");
    assertTrue(lines[0].startsWith("ID"), r.out());
    assertTrue(lines[1].contains("run-2") && lines[1].contains("penguin"), r.out());
    assertTrue(lines[2].contains("run-1"), r.out());
    assertTrue(lines[2].matches(".*\\s2\\s+0\\s+2$"), "run 1: 2 executions, 0 failed, 2 artifacts: " + lines[2]);
  }

  @Test
  void artifactsAreFilteredAndPrintedAsJson() throws Exception {
    Result r = metadata("artifacts", "--type=Model", "--state=live", "--run=run-1", "--format=json");
    assertEquals(0, r.code(), r.err());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertEquals(1, json.size());
    assertEquals(model(1), json.get(0).get("id").asLong());
    assertEquals("LIVE", json.get(0).get("state").asText());
    Result blessed = metadata("artifacts", "--property=blessed:int=1");
    assertTrue(blessed.out().contains("ModelBlessing"), blessed.out());
    assertEquals(2, blessed.out().split("\n").length);
  }

  @Test
  void executionsCanBeFilteredByRunAndCacheKey() {
    Result r = metadata("executions", "--run=run-2");
    assertEquals(0, r.code(), r.err());
    assertEquals(2, r.out().split("\n").length, r.out());
    assertTrue(r.out().contains("key-2"));
    Result byKey = metadata("executions", "--property=cache_key=key-1");
    assertTrue(byKey.out().contains("key-1") && !byKey.out().contains("key-2"), byKey.out());
  }

  @Test
  void lineageIsDrawnAsDot() {
    Result r = metadata("lineage", Long.toString(model(2)), "--upstream", "--format=dot");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("digraph lineage {"), r.out());
    long trainer = trainers.get(1).execution().id();
    assertTrue(r.out().contains("a" + examples.id() + " -> e" + trainer), r.out());
    assertTrue(r.out().contains("e" + trainer + " -> a" + model(2)), r.out());
    assertFalse(r.out().contains("a" + model(1) + " "), "run 1's model is not upstream of run 2's");
    assertTrue(r.out().strip().endsWith("}"));
  }

  @Test
  void lineageByUriAsTextAndJson() throws Exception {
    Result text = metadata("lineage", home.resolve("p/ExampleGen/examples/1").toString(), "--downstream", "--hops=2");
    assertEquals(0, text.code(), text.err());
    assertTrue(text.out().contains("2 executions"), text.out());
    Result json = metadata("lineage", Long.toString(examples.id()), "--downstream", "--format=json");
    JsonNode graph = new ObjectMapper().readTree(json.out());
    assertEquals(3, graph.get("artifacts").size());
    assertEquals("DOWNSTREAM", graph.get("direction").asText());
  }

  @Test
  void errorsAreOneLineWithExitCodeOne() {
    Result unknown = metadata("lineage", "99999");
    assertEquals(1, unknown.code());
    assertEquals("error: no artifact with id 99999", unknown.err().strip());
    Result missing = cli("metadata", "artifacts", "--home=" + home.resolve("nowhere"));
    assertEquals(1, missing.code());
    assertTrue(missing.err().startsWith("error: no metadata store at"), missing.err());
    assertFalse(Files.exists(home.resolve("nowhere")), "a read-only command must not create a store");
    Result server = cli("metadata", "runs", "--metadata-url=jdbc:postgresql://127.0.0.1:9/x?user=u&password=p");
    assertEquals(1, server.code());
    assertTrue(server.err().startsWith("error: cannot reach PostgreSQL"), server.err());
    for (Result r : List.of(unknown, missing, server, metadata("artifacts", "--state=ALIVE"),
        metadata("lineage", "/a/../etc/passwd"), metadata("artifacts", "--type=Modle"),
        metadata("runs", "--format=dot"), metadata("executions", "--property=epochs:int=five"),
        metadata("runs", "--pipeline=p' OR '1'='1"))) {
      assertEquals(1, r.code(), r.err());
      assertEquals(1, r.err().strip().split("\n").length, r.err());
      assertFalse(r.err().contains("\tat "), r.err());
    }
    assertEquals(2, metadata("lineage", "1", "--format=xml").code());
    assertEquals(2, metadata("lineage", "1", "--upstream", "--downstream").code());
    assertEquals(2, metadata("gc").code());
  }

  @Test
  void gcDryRunChangesNothingThenGcDeletesOldRunsButKeepsTheBlessedLineage() {
    // Run 1's model is blessed, so with --keep-last=1 nothing of run 1 may go: it is all upstream.
    Result dry = metadata("gc", "--keep-last=1", "--dry-run");
    assertEquals(0, dry.code(), dry.err());
    assertTrue(dry.out().contains("would delete 0 artifacts of 1 old runs; kept 2"), dry.out());
    try (MetadataStore store = MetadataStore.open(StoreConfig.inHome(home))) {
      store.putArtifact(store.findArtifacts(io.tributary.metadata.Query.all().withType(WellKnownTypes.MODEL_BLESSING))
          .get(0).withProperty(WellKnownTypes.BLESSED, Value.of(0)));
    }
    Result dry2 = metadata("gc", "--keep-last=1", "--dry-run");
    assertTrue(dry2.out().contains("would delete 1 artifacts of 1 old runs; kept 1"), dry2.out());
    assertTrue(Files.exists(home.resolve("p/Trainer/model/1")));
    Result gc = metadata("gc", "--keep-last=1");
    assertEquals(0, gc.code(), gc.err());
    assertTrue(gc.out().contains("deleted 1 artifacts"), gc.out());
    assertFalse(Files.exists(home.resolve("p/Trainer/model/1")));
    assertTrue(Files.exists(home.resolve("p/Trainer/model/2")));
    assertTrue(Files.exists(home.resolve("p/ExampleGen/examples/1")), "run 2 still uses the examples");
    assertTrue(metadata("artifacts", "--state=DELETED").out().contains("p/Trainer/model/1"));
  }

  @Test
  void helpListsTheSubcommands() {
    Result r = cli("metadata", "--help");
    assertEquals(0, r.code());
    for (String sub : List.of("runs", "executions", "artifacts", "lineage", "gc")) {
      assertTrue(r.out().contains(sub), r.out());
    }
  }
}
