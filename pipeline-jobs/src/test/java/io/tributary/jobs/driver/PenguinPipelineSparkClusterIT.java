package io.tributary.jobs.driver;

import io.tributary.jobs.testing.LocalSparkCluster;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./tributary run samples/penguin/pipeline.yaml --profile=spark-cluster} on the real local
 * Spark standalone cluster: each job is a Spark application whose executor the Worker launches in
 * a JVM of its own. Exclude with {@code -DexcludedGroups=spark-cluster}.
 */
@Tag("spark-cluster")
@ExtendWith(LocalSparkCluster.class)
class PenguinPipelineSparkClusterIT {

  @TempDir Path home;

  @Test
  void thePenguinPipelineRunsOnTheCluster(LocalSparkCluster spark) throws Exception {
    PenguinPipelineOnCluster.runAndCheck(home, "SparkRunner",
        "--profile=spark-cluster", "--sparkMaster=" + spark.masterUrl());
  }
}
