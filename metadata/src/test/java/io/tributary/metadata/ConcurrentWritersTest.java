package io.tributary.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four real JVM processes write to the same store at once as four runs would (record an
 * execution, let a "component" work, publish), starting before the store exists (so
 * they also race on creating the schema, the types and the shared context), and again on the store
 * they filled. All must succeed and every write must be there. Each writer prints how long its
 * writes held the lock; the test prints those lines.
 */
class ConcurrentWritersTest {
  private static final int WRITERS = 4;
  private static final int PER_WRITER = 20;
  /** Each writer's "component" runs this long between recording an execution and publishing it. */
  private static final int COMPONENT_MILLIS = 300;
  private static final int ROUNDS = 2;

  @TempDir Path dir;

  @Test
  void fourProcessesWriteToOneSqliteFileFreshAndExisting() throws Exception {
    for (int round = 1; round <= ROUNDS; round++) {
      StoreConfig config = StoreConfig.inHome(dir.resolve("fresh-" + round));
      runWriters(config.url(), "-", "fresh " + round);
      check(config, 1);
    }
    StoreConfig existing = StoreConfig.inHome(dir.resolve("fresh-1"));
    for (int round = 2; round <= ROUNDS; round++) {
      runWriters(existing.url(), "-", "existing " + round);
      check(existing, round);
    }
  }

  @Test
  void fourProcessesWriteToOnePostgresDatabase() throws Exception {
    StoreConfig config = Backends.freshPostgres();
    try {
      runWriters(config.url(), config.schema(), "postgres");
      check(config, 1);
    } finally {
      Backends.dropSchema(config);
    }
  }

  /**
   * A writer killed with SIGKILL in the middle of its work leaves only whole publications: every
   * execution it recorded has both output events and every artifact has its event.
   */
  @Test
  void aKilledWriterLeavesNoHalfPublishedExecution() throws Exception {
    StoreConfig config = StoreConfig.inHome(dir);
    Process writer = writer(config.url(), "-", "killed", 1_000_000);
    // Kill it once it has published something, i.e. mid-stream.
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (countExecutions(config) < 20 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    writer.destroyForcibly().waitFor();
    try (MetadataStore store = MetadataStore.open(config)) {
      List<Execution> executions = store.findExecutions(Query.all().limit(1_000_000));
      assertTrue(executions.size() >= 20, "writer published " + executions.size() + " before the kill");
      for (Execution e : executions) {
        assertEquals(ExecutionState.COMPLETE, e.state());
        assertEquals(2, store.events(TypeKind.EXECUTION, e.id()).size(), "execution " + e.id());
      }
      List<Artifact> artifacts = store.findArtifacts(Query.all().limit(1_000_000));
      assertEquals(2 * executions.size(), artifacts.size());
    }
  }

  private static int countExecutions(StoreConfig config) {
    if (!java.nio.file.Files.exists(config.sqliteFile())) {
      return 0;
    }
    try (MetadataStore store = MetadataStore.open(config.readOnly())) {
      return store.findExecutions(Query.all().limit(1_000)).size();
    } catch (MetadataException e) {
      return 0; // not created yet
    }
  }

  private static Process writer(String url, String schema, String name, int count) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
            ConcurrentWriter.class.getName(), url, schema, name, Integer.toString(count),
            Integer.toString(count > PER_WRITER ? 0 : COMPONENT_MILLIS))
        .redirectErrorStream(true)
        .start();
  }

  private static void runWriters(String url, String schema, String round) throws Exception {
    List<Process> processes = new ArrayList<>();
    long started = System.nanoTime();
    for (int w = 0; w < WRITERS; w++) {
      processes.add(writer(url, schema, "w" + w, PER_WRITER));
    }
    for (Process p : processes) {
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "writer did not finish in 120 s");
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      assertEquals(0, p.exitValue(), round + ": writer failed: " + output);
      System.out.println("[" + round + "] " + output);
    }
    System.out.printf("[%s] %d writers x %d publications in %.1f s%n",
        round, WRITERS, PER_WRITER, (System.nanoTime() - started) / 1e9);
  }

  /** Every writer's publications are there, {@code rounds} times over. */
  private static void check(StoreConfig config, int rounds) {
    try (MetadataStore store = MetadataStore.open(config)) {
      Context shared = store.findContext(WellKnownTypes.PIPELINE, "shared").orElseThrow();
      assertEquals(rounds * WRITERS * PER_WRITER,
          store.findExecutions(Query.all().inContext(shared.id()).limit(100_000)).size());
      assertEquals(rounds * 2 * WRITERS * PER_WRITER,
          store.findArtifacts(Query.all().inContext(shared.id()).limit(100_000)).size());
      for (int w = 0; w < WRITERS; w++) {
        Context run = store.findContext(WellKnownTypes.PIPELINE_RUN, "w" + w + "-run").orElseThrow();
        List<Execution> executions = store.findExecutions(Query.all().inContext(run.id()).limit(100_000));
        assertEquals(rounds * PER_WRITER, executions.size());
        for (Execution e : executions) {
          assertEquals(2, store.events(TypeKind.EXECUTION, e.id()).size());
        }
      }
      assertEquals(1, store.types(TypeKind.EXECUTION).size());
    }
  }
}
