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
 * Two real JVM processes write to the same store at once, starting before the store exists (so
 * they also race on creating the schema, the types and the shared context). Both must succeed
 * and every write must be there.
 */
class ConcurrentWritersTest {
  private static final int PER_WRITER = 100;

  @TempDir Path dir;

  @Test
  void twoProcessesWriteToOneSqliteFile() throws Exception {
    StoreConfig config = StoreConfig.inHome(dir);
    runWriters(config.url(), "-");
    check(config);
  }

  @Test
  void twoProcessesWriteToOnePostgresDatabase() throws Exception {
    StoreConfig config = Backends.freshPostgres();
    try {
      runWriters(config.url(), config.schema());
      check(config);
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
            ConcurrentWriter.class.getName(), url, schema, name, Integer.toString(count))
        .redirectErrorStream(true)
        .start();
  }

  private static void runWriters(String url, String schema) throws Exception {
    List<Process> processes = new ArrayList<>();
    for (String writer : List.of("a", "b")) {
      processes.add(writer(url, schema, writer, PER_WRITER));
    }
    for (Process p : processes) {
      assertTrue(p.waitFor(90, TimeUnit.SECONDS), "writer did not finish in 90 s");
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, p.exitValue(), "writer failed: " + output);
    }
  }

  private static void check(StoreConfig config) {
    try (MetadataStore store = MetadataStore.open(config)) {
      Context shared = store.findContext(WellKnownTypes.PIPELINE, "shared").orElseThrow();
      assertEquals(2 * PER_WRITER,
          store.findExecutions(Query.all().inContext(shared.id()).limit(10_000)).size());
      assertEquals(4 * PER_WRITER,
          store.findArtifacts(Query.all().inContext(shared.id()).limit(10_000)).size());
      for (String writer : List.of("a", "b")) {
        Context run = store.findContext(WellKnownTypes.PIPELINE_RUN, writer + "-run").orElseThrow();
        List<Execution> executions = store.findExecutions(Query.all().inContext(run.id()).limit(10_000));
        assertEquals(PER_WRITER, executions.size());
        for (Execution e : executions) {
          assertEquals(2, store.events(TypeKind.EXECUTION, e.id()).size());
        }
      }
      assertEquals(1, store.types(TypeKind.EXECUTION).size());
    }
  }
}
