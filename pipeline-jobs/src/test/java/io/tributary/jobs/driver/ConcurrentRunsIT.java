package io.tributary.jobs.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.jobs.testing.PenguinSample;
import io.tributary.metadata.ExecutionState;
import io.tributary.metadata.MetadataStore;
import io.tributary.metadata.Query;
import io.tributary.metadata.StoreConfig;
import io.tributary.metadata.WellKnownTypes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real {@code ./tributary run}s of a small penguin pipeline (ExampleGen, StatisticsGen, SchemaGen)
 * at once on one SQLite home: four on a fresh home, four again on the filled store, then eight:
 * every run finishes and every execution is recorded COMPLETE. Each run's write-lock time (the
 * line {@code tributary run} prints) is printed. Kept small for a 2-core CI machine; {@code
 * samples/bench/concurrent-runs.sh} repeats full penguin runs.
 */
class ConcurrentRunsIT {
  private static final Path ROOT = Paths.get("..").toAbsolutePath().normalize();
  private static final int RUNS = 4;
  private static final int MORE_RUNS = 8;
  private static final String LOCK_LINE = "[run] metadata store: ";
  private static final String COMPONENTS = "ExampleGen,StatisticsGen,SchemaGen";

  @TempDir Path dir;

  @Test
  void fourThenEightRunsAtOnceOnOneHomeAllFinishAndAreRecorded() throws Exception {
    PenguinSample.copyTo(dir);
    Path pipeline = Files.writeString(dir.resolve("small.yaml"), String.join("\n",
        "pipeline: small",
        "components:",
        "  ExampleGen:",
        "    parameters:",
        "      input: data/penguins.csv",
        "  StatisticsGen:",
        "    inputs:",
        "      examples: ExampleGen.examples",
        "  SchemaGen:",
        "    inputs:",
        "      statistics: StatisticsGen.statistics",
        "    parameters:",
        "      label: species",
        ""));
    Path home = dir.resolve("home");
    runAtOnce(RUNS, pipeline, home, "fresh home");
    runAtOnce(RUNS, pipeline, home, "existing home", "--no-cache=" + COMPONENTS);
    runAtOnce(MORE_RUNS, pipeline, home, "existing home", "--no-cache=" + COMPONENTS);
    int runs = 2 * RUNS + MORE_RUNS;
    try (MetadataStore store = MetadataStore.open(StoreConfig.inHome(home).readOnly())) {
      assertEquals(runs, store.findContexts(Query.all().withType(WellKnownTypes.PIPELINE_RUN)).size());
      assertEquals(runs * 3,
          store.findExecutions(Query.all().withState(ExecutionState.COMPLETE).limit(1_000)).size());
      assertEquals(runs * 3, store.findExecutions(Query.all().limit(1_000)).size(), "nothing else recorded");
    }
  }

  private static void runAtOnce(int count, Path pipeline, Path home, String round, String... options) throws Exception {
    long started = System.nanoTime();
    List<Process> runs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      List<String> command = new ArrayList<>(List.of(ROOT.resolve("tributary").toString(), "run"));
      command.addAll(List.of(options));
      command.addAll(List.of("--home=" + home, pipeline.toString()));
      Process run = new ProcessBuilder(command).redirectErrorStream(true).start();
      run.getOutputStream().close();
      runs.add(run);
    }
    List<String> locks = new ArrayList<>();
    for (Process run : runs) {
      String printed = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(run.waitFor(10, TimeUnit.MINUTES), round + ": a run did not finish");
      assertEquals(0, run.exitValue(), round + ": " + printed);
      printed.lines().filter(line -> line.startsWith(LOCK_LINE)).forEach(line -> locks.add(line.substring(LOCK_LINE.length())));
    }
    assertEquals(count, locks.size(), round + ": every run prints its write-lock time");
    System.out.printf("[ConcurrentRunsIT] %s: %d runs at once finished in %.1f s%n",
        round, count, (System.nanoTime() - started) / 1e9);
    locks.forEach(lock -> System.out.println("[ConcurrentRunsIT]   " + lock));
  }
}
