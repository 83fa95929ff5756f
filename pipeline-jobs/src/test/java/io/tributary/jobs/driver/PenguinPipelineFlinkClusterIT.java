package io.tributary.jobs.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.jobs.testing.LocalFlinkCluster;
import io.tributary.metadata.ExecutionState;
import io.tributary.metadata.MetadataStore;
import io.tributary.metadata.Query;
import io.tributary.metadata.StoreConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./tributary run samples/penguin/pipeline.yaml --profile=flink-cluster} on the real local cluster. */
@Tag("flink-cluster")
@ExtendWith(LocalFlinkCluster.class)
class PenguinPipelineFlinkClusterIT {

  private static final Path ROOT = Paths.get("..").toAbsolutePath().normalize();

  @TempDir Path home;

  @Test
  void thePenguinPipelineRunsOnTheCluster(LocalFlinkCluster flink) throws Exception {
    Process run = new ProcessBuilder(ROOT.resolve("tributary").toString(), "run",
            PenguinPipelineRunnersTest.PIPELINE.toString(), "--home=" + home, "--profile=flink-cluster",
            "--flinkMaster=" + flink.masterAddress())
        .redirectErrorStream(true)
        .start();
    run.getOutputStream().close();
    String printed = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(run.waitFor(10, TimeUnit.MINUTES), printed);
    assertEquals(0, run.exitValue(), printed);
    assertTrue(printed.contains("running on FlinkRunner"), printed);
    try (MetadataStore store = MetadataStore.open(StoreConfig.inHome(home))) {
      assertEquals(5, store.findExecutions(Query.all().withState(ExecutionState.COMPLETE)).size());
      // Transform writes Examples too (the transformed ones): take ExampleGen's.
      String examples = store.findArtifacts(Query.all().withType("Examples")).stream()
          .map(a -> a.uri())
          .filter(uri -> uri.contains("/ExampleGen/"))
          .findFirst()
          .orElseThrow();
      String statistics = store.findArtifacts(Query.all().withType("ExampleStatistics")).get(0).uri();
      PenguinPipelineRunnersTest.assertPenguinResult(new RunSummary("penguin", "cluster", List.of(
          new StepResult("ExampleGen", "ExampleGen", "COMPLETE", 0, 0, java.util.Map.of("examples", examples), null, null),
          new StepResult("StatisticsGen", "StatisticsGen", "COMPLETE", 0, 0, java.util.Map.of("statistics", statistics), null, null)), 0));
    }
  }
}
