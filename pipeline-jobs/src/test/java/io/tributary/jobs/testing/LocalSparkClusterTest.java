package io.tributary.jobs.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Finding the Spark cluster's start/stop script; no cluster is started here. */
class LocalSparkClusterTest {

  @Test
  void findsTheScriptFromTheModuleFolder() {
    Optional<Path> script = LocalCluster.findScript(Paths.get("").toAbsolutePath(), LocalSparkCluster.SCRIPT);

    assertTrue(script.isPresent(), "run from inside the repository");
    assertTrue(Files.isExecutable(script.get()));
  }
}
