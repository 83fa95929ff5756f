package io.tributary.jobs.driver;

import io.tributary.jobs.testing.LocalFlinkCluster;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./tributary run samples/penguin/pipeline.yaml --profile=flink-cluster} on the real local cluster. */
@Tag("flink-cluster")
@ExtendWith(LocalFlinkCluster.class)
class PenguinPipelineFlinkClusterIT {

  @TempDir Path home;

  @Test
  void thePenguinPipelineRunsOnTheCluster(LocalFlinkCluster flink) throws Exception {
    PenguinPipelineOnCluster.runAndCheck(home, "FlinkRunner",
        "--profile=flink-cluster", "--flinkMaster=" + flink.masterAddress());
  }
}
