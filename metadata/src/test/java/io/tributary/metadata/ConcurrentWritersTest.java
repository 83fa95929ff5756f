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

  private static void runWriters(String url, String schema) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Process> processes = new ArrayList<>();
    for (String writer : List.of("a", "b")) {
      processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
              ConcurrentWriter.class.getName(), url, schema, writer, Integer.toString(PER_WRITER))
          .redirectErrorStream(true)
          .start());
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
