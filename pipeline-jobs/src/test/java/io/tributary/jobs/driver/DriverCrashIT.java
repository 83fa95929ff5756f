package io.tributary.jobs.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.jobs.testing.PenguinSample;
import io.tributary.metadata.Artifact;
import io.tributary.metadata.ArtifactState;
import io.tributary.metadata.Execution;
import io.tributary.metadata.ExecutionState;
import io.tributary.metadata.MetadataStore;
import io.tributary.metadata.Query;
import io.tributary.metadata.StoreConfig;
import io.tributary.transforms.statistics.DatasetStatistics;
import io.tributary.transforms.statistics.StatisticsJson;
import io.tributary.jobs.examplegen.ExamplesArtifact;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real driver JVM ({@code ./tributary run}, SIGKILL) in the middle of a run, runs again,
 * and checks that the result equals an uninterrupted run's and that nothing of the killed run is
 * LIVE.
 */
class DriverCrashIT {

  private static final Path ROOT = Paths.get("..").toAbsolutePath().normalize();

  @TempDir Path dir;

  private Path pipeline() throws IOException {
    return PenguinSample.copyTo(dir);
  }

  private static Process start(Path pipeline, Path home) throws IOException {
    Process run = new ProcessBuilder(ROOT.resolve("tributary").toString(), "run", pipeline.toString(), "--home=" + home)
        .redirectErrorStream(true)
        .start();
    run.getOutputStream().close();
    return run;
  }

  /** Runs to the end; returns what it printed. */
  private static String runToEnd(Path pipeline, Path home) throws Exception {
    Process run = start(pipeline, home);
    String printed = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(run.waitFor(5, TimeUnit.MINUTES));
    assertEquals(0, run.exitValue(), printed);
    return printed;
  }

  @Test
  void aKilledRunResumesToTheSameResult() throws Exception {
    Path pipeline = pipeline();
    Path reference = dir.resolve("reference-home");
    runToEnd(pipeline, reference);

    Path home = dir.resolve("home");
    Process victim = start(pipeline, home);
    StringBuilder seen = new StringBuilder();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(victim.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        seen.append(line).append('\n');
        if (line.startsWith("[statistics] running on")) {
          victim.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
          break;
        }
      }
    }
    assertTrue(victim.waitFor(1, TimeUnit.MINUTES));
    assertTrue(seen.toString().contains("[run] ExampleGen       COMPLETE"), seen.toString());

    long killed;
    try (MetadataStore store = MetadataStore.open(StoreConfig.inHome(home))) {
      List<Execution> running = store.findExecutions(Query.all().withState(ExecutionState.RUNNING));
      assertEquals(1, running.size(), "the killed StatisticsGen is left RUNNING");
      killed = running.get(0).id();
      assertEquals(List.of(), store.findArtifacts(Query.all().withType("ExampleStatistics").withState(ArtifactState.LIVE)));
    }

    String again = runToEnd(pipeline, home);
    assertTrue(again.contains("[run] ExampleGen       CACHED"), again);
    assertTrue(again.contains("[run] StatisticsGen    COMPLETE"), again);
    assertTrue(again.contains("of a driver that died is now FAILED"), again);

    try (MetadataStore store = MetadataStore.open(StoreConfig.inHome(home));
        MetadataStore expected = MetadataStore.open(StoreConfig.inHome(reference))) {
      assertEquals(ExecutionState.FAILED, store.getExecution(killed).state());
      for (Artifact artifact : store.findArtifacts(Query.all())) {
        boolean fromKilledRun = artifact.uri().endsWith("/" + killed);
        assertEquals(fromKilledRun ? ArtifactState.ABANDONED : ArtifactState.LIVE, artifact.state(), artifact.uri());
        assertEquals(!fromKilledRun, Files.exists(Path.of(artifact.uri())), artifact.uri());
      }
      assertEquals(examples(expected), examples(store));
      List<DatasetStatistics> want = statistics(expected);
      List<DatasetStatistics> got = statistics(store);
      for (int i = 0; i < want.size(); i++) {
        assertEquals(want.get(i).split(), got.get(i).split());
        assertEquals(want.get(i).rowCount(), got.get(i).rowCount());
        assertEquals(
            want.get(i).feature("body_mass_g").numeric().mean(), got.get(i).feature("body_mass_g").numeric().mean(), 1e-9);
      }
    }
  }

  private static java.util.Map<String, Long> examples(MetadataStore store) throws IOException {
    return examplesArtifact(store).splits();
  }

  private static ExamplesArtifact examplesArtifact(MetadataStore store) throws IOException {
    // Transform writes Examples too (the transformed ones): take ExampleGen's.
    Artifact examples = store.findArtifacts(Query.all().withType("Examples").withState(ArtifactState.LIVE)).stream()
        .filter(a -> a.uri().contains("/ExampleGen/"))
        .findFirst()
        .orElseThrow();
    return ExamplesArtifact.read(Path.of(examples.uri()));
  }

  private static List<DatasetStatistics> statistics(MetadataStore store) throws IOException {
    Artifact statistics =
        store.findArtifacts(Query.all().withType("ExampleStatistics").withState(ArtifactState.LIVE)).get(0);
    return List.of(
        StatisticsJson.read(Path.of(statistics.uri(), "Split-train", StatisticsJson.FILE_NAME)),
        StatisticsJson.read(Path.of(statistics.uri(), "Split-eval", StatisticsJson.FILE_NAME)));
  }
}
