package io.tributary.jobs.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.jobs.components.ComponentRegistry;
import io.tributary.jobs.pipeline.PipelineYaml;
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
      int components = PipelineYaml.read(PenguinPipelineRunnersTest.PIPELINE, ComponentRegistry.standard()).components().size();
      assertEquals(components, store.findExecutions(Query.all().withState(ExecutionState.COMPLETE)).size());
      List<String> uris = store.findArtifacts(Query.all()).stream().map(a -> a.uri()).toList();
      PenguinPipelineRunnersTest.assertPenguinResult(reference -> {
        String folder = "/" + reference.replace('.', '/') + "/";
        return Path.of(uris.stream().filter(uri -> uri.contains(folder)).findFirst().orElseThrow());
      });
    }
  }
}
