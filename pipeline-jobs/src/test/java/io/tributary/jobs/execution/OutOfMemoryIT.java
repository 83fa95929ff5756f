package io.tributary.jobs.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.jobs.testing.TributaryProcess;
import io.tributary.jobs.testing.TributaryProcess.Finished;
import io.tributary.metadata.Execution;
import io.tributary.metadata.ExecutionState;
import io.tributary.metadata.MetadataStore;
import io.tributary.metadata.Query;
import io.tributary.metadata.StoreConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process that runs out of heap ends, with one line naming the fix, and the driver records the
 * execution FAILED. Runs {@code ./tributary} with a small heap: on a CSV whose second line is far
 * larger than that heap, and with programs that meet the error where no runner reports it (a
 * thread that dies of it, a library that swallows it) and would otherwise hang.
 */
class OutOfMemoryIT {

  /** A small heap; a run not ended 3 minutes after it started fails the test. */
  private static final TributaryProcess LAUNCHER = TributaryProcess.withJavaOptions("-Xmx160m");
  private static final long LINE_BYTES = 200L << 20;

  @TempDir Path dir;

  @Test
  void aJobOutOfMemoryExitsWithTheFix() throws Exception {
    Path input = hugeLineCsv();
    Finished run = tributary("examplegen", "--input=" + input, "--schema=" + schema(), "--output=" + dir.resolve("out"));

    assertEquals(1, run.exitCode(), run.output());
    assertTrue(run.output().contains("tributary examplegen: failed: out of memory"), run.output());
    assertTrue(run.output().contains("TRIBUTARY_JAVA_OPTS=-Xmx"), run.output());
    assertTrue(Files.notExists(dir.resolve("out")), "no output is published");
  }

  @Test
  void aPipelineOutOfMemoryRecordsTheExecutionFailed() throws Exception {
    Path input = hugeLineCsv();
    Path pipeline = dir.resolve("pipeline.yaml");
    Files.writeString(pipeline, String.join("\n",
        "pipeline: huge",
        "components:",
        "  ExampleGen:",
        "    parameters:",
        "      input: " + input,
        "      schema: " + schema(),
        ""));
    Path home = dir.resolve("home");
    Finished run = tributary("run", pipeline.toString(), "--home=" + home);

    assertEquals(1, run.exitCode(), run.output());
    assertTrue(run.output().contains("out of memory"), run.output());
    try (MetadataStore store = MetadataStore.open(StoreConfig.inHome(home))) {
      List<Execution> executions = store.findExecutions(Query.all());
      assertEquals(1, executions.size(), executions.toString());
      assertEquals(ExecutionState.FAILED, executions.get(0).state());
    }
  }

  @Test
  void aThreadDyingOfOutOfMemoryEndsTheProcess() throws Exception {
    Finished run = tributaryMain(ThreadDiesOfOutOfMemory.class);

    assertEquals(1, run.exitCode(), run.output());
    assertTrue(run.output().contains("tributary: out of memory (simulated"), run.output());
    assertTrue(run.output().contains("in thread worker-that-dies"), run.output());
  }

  @Test
  void aSwallowedOutOfMemoryStillEndsTheProcess() throws Exception {
    Finished run = tributaryMain(SwallowsOutOfMemory.class);

    assertTrue(run.exitCode() != 0, run.output());
    assertTrue(run.output().contains("still alive 30 s after running out of memory"), run.output());
  }

  /** Like a runner whose worker thread dies of the error while {@code main} waits for the job. */
  static final class ThreadDiesOfOutOfMemory {
    public static void main(String[] args) throws Exception {
      FatalErrors.install(System.err);
      Thread worker = new Thread(() -> {
        throw new OutOfMemoryError("simulated");
      }, "worker-that-dies");
      worker.start();
      Thread.sleep(TimeUnit.MINUTES.toMillis(10));
    }
  }

  /** Like a library that catches the error and carries on waiting for work that never comes. */
  static final class SwallowsOutOfMemory {
    public static void main(String[] args) throws Exception {
      List<long[]> hoard = new java.util.ArrayList<>();
      try {
        while (true) {
          hoard.add(new long[1 << 20]);
        }
      } catch (OutOfMemoryError swallowed) {
        hoard.clear();
      }
      Thread.sleep(TimeUnit.MINUTES.toMillis(10));
    }
  }

  /** Runs {@code main} through the launcher (TRIBUTARY_MAIN), with the test classes added. */
  private Finished tributaryMain(Class<?> main) throws Exception {
    return LAUNCHER
        .withEnvironment(Map.of("TRIBUTARY_MAIN", main.getName(), "TRIBUTARY_CLASSPATH",
            Path.of(main.getProtectionDomain().getCodeSource().getLocation().toURI()).toString()))
        .run(dir.resolve("run.log"));
  }

  private Finished tributary(String... args) throws Exception {
    return LAUNCHER.run(dir.resolve("run.log"), args);
  }

  /** A header, then one line of {@value #LINE_BYTES} bytes with no line break. */
  private Path hugeLineCsv() throws IOException {
    Path csv = dir.resolve("huge.csv");
    byte[] block = new byte[1 << 20];
    Arrays.fill(block, (byte) 'x');
    try (OutputStream out = Files.newOutputStream(csv)) {
      out.write("name,size\n".getBytes(StandardCharsets.UTF_8));
      for (long written = 0; written < LINE_BYTES; written += block.length) {
        out.write(block);
      }
    }
    return csv;
  }

  /** A declared schema, so that nothing reads the file before the pipeline runs. */
  private Path schema() throws IOException {
    Path avsc = dir.resolve("huge.avsc");
    Files.writeString(avsc, "{\"type\":\"record\",\"name\":\"Huge\",\"fields\":["
        + "{\"name\":\"name\",\"type\":[\"null\",\"string\"]},{\"name\":\"size\",\"type\":[\"null\",\"long\"]}]}");
    return avsc;
  }
}
