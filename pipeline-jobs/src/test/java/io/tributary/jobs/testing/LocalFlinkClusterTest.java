package io.tributary.jobs.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the start/stop script; no cluster is started here. */
class LocalFlinkClusterTest {

  @Test
  void findsTheScriptFromTheModuleFolder() {
    Optional<Path> script = LocalFlinkCluster.findScript(Paths.get("").toAbsolutePath());

    assertTrue(script.isPresent(), "run from inside the repository");
    assertTrue(Files.isRegularFile(script.get()));
    assertTrue(script.get().endsWith(LocalFlinkCluster.SCRIPT));
  }

  @Test
  void findsTheScriptFromADeepFolder(@TempDir Path root) throws IOException {
    Path script = root.resolve(LocalFlinkCluster.SCRIPT);
    Files.createDirectories(script.getParent());
    Files.writeString(script, "#!/usr/bin/env bash\n");
    Path deep = Files.createDirectories(root.resolve("pipeline-jobs/target/surefire"));

    assertEquals(Optional.of(script), LocalFlinkCluster.findScript(deep));
  }

  @Test
  void findsNothingOutsideARepository(@TempDir Path elsewhere) {
    assertEquals(Optional.empty(), LocalFlinkCluster.findScript(elsewhere));
  }

  @Test
  void exposesTheLoopbackMaster() {
    LocalFlinkCluster flink = LocalFlinkCluster.create();

    assertEquals("127.0.0.1:8081", flink.masterAddress());
    assertEquals("http://127.0.0.1:8081", flink.webUrl());
  }
}
