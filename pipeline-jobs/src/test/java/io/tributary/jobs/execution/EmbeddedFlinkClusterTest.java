package io.tributary.jobs.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.jobs.options.JobArguments;
import io.tributary.jobs.options.TributaryOptions;
import io.tributary.jobs.options.UsageException;
import io.tributary.transforms.metrics.PipelineCounters;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded Flink cluster a JVM's flink-local jobs share: one start, isolated failures, a clean exit. */
class EmbeddedFlinkClusterTest {

  /** Counts the numbers it sees; throws on a negative one, to fail a job on purpose. */
  private static final class CountOrFail extends DoFn<Integer, Integer> {
    private final Counter seen = Metrics.counter("test", "seen");

    @ProcessElement
    public void process(@Element Integer n, OutputReceiver<Integer> out) {
      if (n < 0) {
        throw new IllegalArgumentException("negative on purpose: " + n);
      }
      seen.inc();
      out.output(n);
    }
  }

  private static TributaryOptions flinkLocal(String... more) {
    List<String> args = new ArrayList<>(List.of("--profile=flink-local"));
    args.addAll(List.of(more));
    return JobArguments.parse(args.toArray(String[]::new), TributaryOptions.class);
  }

  /**
   * Runs a job over {@code numbers} and returns how many it counted. The numbers are counted after
   * a shuffle, which in batch mode starts once the read has ended: a count that fails then cannot
   * race the source's split assignment. Counted in the read's own task, a failure now and then
   * reached the job as Flink's "An OperatorEvent from an OperatorCoordinator to a task was lost"
   * instead of the DoFn's exception (once in seven whole builds).
   */
  static long countOnFlink(TributaryOptions options, Integer... numbers) {
    Pipeline pipeline = Pipeline.create(options);
    pipeline.apply(Create.of(List.of(numbers))).apply(Reshuffle.viaRandomKey()).apply(ParDo.of(new CountOrFail()));
    PipelineResult result = pipeline.run();
    assertEquals(PipelineResult.State.DONE, result.waitUntilFinish());
    return PipelineCounters.of(result, "test").counter("seen");
  }

  @Test
  void jobsOfOneJvmRunOnOneClusterStartedOnce() {
    int[] before = EmbeddedFlinkCluster.startsAndSubmissions();
    assertEquals(4, countOnFlink(flinkLocal(), 1, 2, 3, 4));
    assertEquals(2, countOnFlink(flinkLocal(), 5, 6));
    int[] after = EmbeddedFlinkCluster.startsAndSubmissions();
    assertEquals(2, after[1] - before[1], "both jobs were submitted to the shared cluster");
    assertTrue(after[0] - before[0] <= 1, "started at most once for both: " + (after[0] - before[0]));
  }

  @Test
  void aFailedJobLeavesTheClusterToTheNextJob() {
    Exception failed = assertThrows(Exception.class, () -> countOnFlink(flinkLocal(), 1, -1));
    assertTrue(causes(failed).contains("negative on purpose"), causes(failed));
    assertEquals(3, countOnFlink(flinkLocal(), 7, 8, 9));
  }

  private static String causes(Throwable failure) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      all.append(t).append('\n');
    }
    return all.toString();
  }

  @Test
  void laterJobsShareTheClusterAndItsSettings(@TempDir Path dir) throws IOException {
    flinkLocal();
    Path otherSettings = dir.resolve("three-slots.properties");
    Files.writeString(otherSettings, String.join("\n", "runner=FlinkRunner", "flinkMaster=[local]",
        "useDataStreamForBatch=true", "flinkConf.taskmanager.numberOfTaskSlots=3", ""));
    TributaryOptions other = JobArguments.parse(new String[] {"--profile=" + otherSettings}, TributaryOptions.class);
    assertEquals("[auto]", other.as(FlinkPipelineOptions.class).getFlinkMaster());
    int[] before = EmbeddedFlinkCluster.startsAndSubmissions();
    assertEquals(2, countOnFlink(other, 1, 2));
    assertEquals(before[1] + 1, EmbeddedFlinkCluster.startsAndSubmissions()[1], "submitted to the shared cluster");

    UsageException alone = assertThrows(UsageException.class, () -> flinkLocal("--shareEmbeddedFlinkCluster=false"));
    assertTrue(alone.getMessage().contains("give it to every job"), alone.getMessage());
  }

  @Test
  void aJobOnTheDataSetApiRunsOnAClusterOfItsOwn() {
    flinkLocal();
    int[] before = EmbeddedFlinkCluster.startsAndSubmissions();
    assertEquals(2, countOnFlink(flinkLocal("--useDataStreamForBatch=false"), 3, 4));
    assertEquals(before[1], EmbeddedFlinkCluster.startsAndSubmissions()[1], "Beam gave it a local environment");
  }

  @Test
  void theClusterListensOnLoopbackOnAFreePortWithASlotPerWorker() {
    Configuration settings = EmbeddedFlinkCluster.clusterSettings(new Configuration(), 3);
    assertEquals(3, settings.get(TaskManagerOptions.NUM_TASK_SLOTS));
    assertEquals("127.0.0.1", settings.get(RestOptions.BIND_ADDRESS));
    assertEquals("0", settings.get(RestOptions.BIND_PORT));
    assertTrue(settings.toMap().containsKey("taskmanager.memory.managed.size"), settings.toString());

    Configuration profile = new Configuration();
    profile.set(TaskManagerOptions.NUM_TASK_SLOTS, 2);
    profile.set(RestOptions.BIND_PORT, "8089");
    Configuration kept = EmbeddedFlinkCluster.clusterSettings(profile, 3);
    assertEquals(2, kept.get(TaskManagerOptions.NUM_TASK_SLOTS), "the profile's slots win");
    assertEquals("8089", kept.get(RestOptions.BIND_PORT));
  }

  /**
   * The cluster's threads are not daemons: a program that runs a job and returns from main must
   * still end. It did not before the cluster was stopped once main returned.
   */
  @Test
  void aProgramEndsWhenItsMainReturns(@TempDir Path dir) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (flag.startsWith("--add-opens") || flag.startsWith("--add-exports")) {
        command.add(flag);
      }
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), OneJobThenReturn.class.getName()));
    Path log = dir.resolve("out.log");
    Process program = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean ended = program.waitFor(180, TimeUnit.SECONDS);
    if (!ended) {
      program.destroyForcibly();
    }
    String out = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(ended, "the program still ran 180 s after starting:\n" + out);
    assertEquals(0, program.exitValue(), out);
    assertTrue(out.contains("counted 3"), out);
  }

  /** A main that runs one flink-local job and returns without calling System.exit. */
  static final class OneJobThenReturn {
    public static void main(String[] args) {
      System.out.println("counted " + countOnFlink(flinkLocal(), 1, 2, 3));
    }
  }
}
