package io.tributary.jobs.examplegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.jobs.testing.LocalFlinkCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The penguin ExampleGen job on a real standalone Flink cluster (a JobManager and a TaskManager
 * JVM on 127.0.0.1), submitted the way a user does: {@code ./tributary examplegen
 * --profile=flink-cluster}, which stages the shaded jar to the cluster.
 */
@Tag("flink-cluster")
@ExtendWith(LocalFlinkCluster.class)
class ExampleGenFlinkClusterIT {

  private static final Path ROOT = Paths.get("..").toAbsolutePath().normalize();

  @TempDir Path dir;

  @Test
  void penguinsSplitOnTheClusterAsOnTheDirectRunner(LocalFlinkCluster flink) throws Exception {
    Path out = dir.resolve("examples");
    Path log = dir.resolve("job.log");
    Process job =
        new ProcessBuilder(
                List.of(
                    ROOT.resolve("tributary").toString(),
                    "examplegen",
                    "--input=" + ExampleGenJobTest.PENGUINS,
                    "--output=" + out,
                    "--profile=flink-cluster",
                    "--flinkMaster=" + flink.masterAddress()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    job.getOutputStream().close();
    // The launcher must use the jar Maven just built, not rebuild it.
    boolean finished = job.waitFor(5, TimeUnit.MINUTES);
    String printed = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(finished, "the job did not finish in 5 minutes:\n" + printed);
    assertEquals(0, job.exitValue(), printed);
    assertTrue(printed.contains("running on FlinkRunner"), printed);

    ExamplesArtifact artifact = ExamplesArtifact.read(out);
    long train = ExampleGenJobTest.avroRows(out.resolve("Split-train"));
    long eval = ExampleGenJobTest.avroRows(out.resolve("Split-eval"));
    assertEquals(344, train + eval);
    assertEquals(train, artifact.splits().get("train"));
    assertEquals(eval, artifact.splits().get("eval"));
    // The hash split is runner-independent: the DirectRunner puts the same 230 rows in train.
    assertEquals(230, train);
  }

}
