package io.tributary.jobs.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.jobs.components.ComponentRegistry;
import io.tributary.jobs.pipeline.PipelineYaml;
import io.tributary.metadata.ExecutionState;
import io.tributary.metadata.MetadataStore;
import io.tributary.metadata.Query;
import io.tributary.metadata.StoreConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./tributary run samples/penguin/pipeline.yaml --profile=...} against a real local cluster,
 * as a user runs it (the launcher, the shaded jar, a fresh JVM), and the checks that every
 * component completed with the penguin results.
 */
final class PenguinPipelineOnCluster {

  private static final Path ROOT = Paths.get("..").toAbsolutePath().normalize();

  private PenguinPipelineOnCluster() {}

  /** Runs the pipeline with {@code options} (the profile and the master) and checks its results. */
  static void runAndCheck(Path home, String runner, String... options) throws Exception {
    List<String> command = new ArrayList<>(List.of(ROOT.resolve("tributary").toString(), "run",
        PenguinPipelineRunnersTest.PIPELINE.toString(), "--home=" + home));
    command.addAll(List.of(options));
    Process run = new ProcessBuilder(command).redirectErrorStream(true).start();
    run.getOutputStream().close();
    String printed = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(run.waitFor(10, TimeUnit.MINUTES), printed);
    assertEquals(0, run.exitValue(), printed);
    assertTrue(printed.contains("running on " + runner), printed);
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
