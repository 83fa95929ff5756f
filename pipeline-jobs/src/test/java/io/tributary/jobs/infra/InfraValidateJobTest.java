package io.tributary.jobs.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.jobs.testing.CliRun;
import io.tributary.jobs.testing.PenguinTraining;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tributary infra-validate} on the penguin model: each test starts one real canary JVM at most. */
class InfraValidateJobTest {

  private static final PenguinTraining PENGUINS = PenguinTraining.get();

  @TempDir Path dir;

  @Test
  void blessesThePenguinModelServedInAFreshJvm() throws IOException {
    Path output = dir.resolve("infra");
    CliRun run = CliRun.of("infra-validate", "--model=" + PENGUINS.model, "--transform=" + PENGUINS.transform,
        "--examples=" + PENGUINS.examples, "--max-p99-latency-ms=1000", "--max-heap-mb=4096", "--output=" + output);

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(List.of(InfraBlessing.BLESSED, InfraBlessing.FILE), files(output));
    InfraBlessing verdict = InfraBlessing.read(output);
    assertTrue(verdict.blessed());
    assertEquals(List.of(), verdict.reasons());
    assertEquals(100, verdict.canaryRows());
    assertEquals(0, verdict.failedRows());
    assertTrue(verdict.latencyMs().p50() > 0 && verdict.latencyMs().p50() <= verdict.latencyMs().p99()
        && verdict.latencyMs().p99() <= verdict.latencyMs().max(), verdict.latencyMs().toString());
    assertTrue(verdict.heapUsedMb() > 0 && verdict.heapUsedMb() < 4096, "heap " + verdict.heapUsedMb());
    assertEquals(1000.0, verdict.settings().maxP99LatencyMs());
    assertTrue(Files.readString(output.resolve(InfraBlessing.BLESSED)).startsWith("loaded in "));
    assertEquals(5, verdict.latencyMs().roundP99s().size(), "the gated p99 is the median of 5 rounds' p99s");
    assertEquals(LatencyProbe.median(verdict.latencyMs().roundP99s().stream().mapToDouble(Double::doubleValue).toArray()),
        verdict.latencyMs().p99());
    assertEquals(1000, verdict.latencyMs().warmUpPredictions());
    assertTrue(run.out().contains("[infra-validate] INFRA_BLESSED: loaded in"), run.out());
  }

  @Test
  void theGateDecidesTheSameOnABusyMachine() throws Exception {
    // Threads that keep every core busy for as long as the runs take, and stop by themselves.
    AtomicBoolean done = new AtomicBoolean();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    List<Thread> busy = new ArrayList<>();
    for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
      Thread thread = new Thread(() -> {
        double sink = 0;
        while (!done.get() && System.nanoTime() < deadline) {
          sink += Math.sqrt(sink + 1);
        }
      }, "busy-" + i);
      thread.setDaemon(true);
      thread.start();
      busy.add(thread);
    }
    try {
      // The penguin model predicts in tens of microseconds; a 50 ms limit is three orders of
      // magnitude above that, below the 97 ms stalls one timed pass used to report.
      for (int run = 0; run < 3; run++) {
        Path output = dir.resolve("infra-" + run);
        CliRun cli = CliRun.of("infra-validate", "--model=" + PENGUINS.model, "--transform=" + PENGUINS.transform,
            "--examples=" + PENGUINS.examples, "--max-p99-latency-ms=50", "--output=" + output);
        assertEquals(0, cli.exitCode(), "run " + run + ": " + cli.out() + cli.err());
        assertTrue(InfraBlessing.read(output).blessed(), "run " + run + ": " + InfraBlessing.read(output).reason());
      }
    } finally {
      done.set(true);
      for (Thread thread : busy) {
        thread.join();
      }
    }
  }

  @Test
  void aCorruptedModelIsNotBlessedWithTheLoadError() throws IOException {
    Path model = copyModel();
    byte[] bytes = Files.readAllBytes(model.resolve("model.pb"));
    bytes[bytes.length / 2] ^= 0x5a;
    Files.write(model.resolve("model.pb"), bytes);
    Path output = dir.resolve("infra");

    CliRun run = CliRun.of("infra-validate", "--model=" + model, "--examples=" + PENGUINS.examples, "--output=" + output);

    assertEquals(3, run.exitCode(), run.err());
    assertEquals(List.of(InfraBlessing.NOT_BLESSED, InfraBlessing.FILE), files(output));
    String reason = Files.readString(output.resolve(InfraBlessing.NOT_BLESSED));
    assertTrue(reason.startsWith("the model did not load in a fresh JVM: ") && reason.contains("model.pb does not match the modelSha256"),
        reason);
    InfraBlessing verdict = InfraBlessing.read(output);
    assertFalse(verdict.blessed());
    assertNull(verdict.latencyMs());
  }

  @Test
  void limitsTooStrictGiveOneReasonALine() throws IOException {
    Path output = dir.resolve("infra");
    CliRun run = CliRun.of("infra-validate", "--model=" + PENGUINS.model, "--examples=" + PENGUINS.examples,
        "--canary-rows=20", "--max-p99-latency-ms=0.000001", "--max-heap-mb=1", "--output=" + output);

    assertEquals(3, run.exitCode(), run.err());
    List<String> reasons = Files.readAllLines(output.resolve(InfraBlessing.NOT_BLESSED));
    assertEquals(2, reasons.size(), reasons.toString());
    assertTrue(reasons.get(0).matches("p99 latency [0-9.]+ ms is above the limit of 1.0E-6 ms \\(median of 5 rounds' p99"
        + " \\(300 timed predictions each, after 1000 warm-up predictions not timed\\)\\)"), reasons.get(0));
    assertTrue(reasons.get(1).matches("heap used [0-9.]+ MB is above the limit of 1 MB"), reasons.get(1));
    InfraBlessing verdict = InfraBlessing.read(output);
    assertEquals(20, verdict.canaryRows());
    assertEquals(String.join("; ", reasons), verdict.reason());
  }

  @Test
  void aCanaryPastItsTimeoutIsKilledAndNotBlessed() throws Exception {
    // A named pipe as model.json: the canary blocks opening it, as on a hung file system.
    Path model = Files.createDirectories(dir.resolve("hung-model"));
    Process mkfifo = new ProcessBuilder("mkfifo", model.resolve("model.json").toString()).start();
    assertEquals(0, mkfifo.waitFor());
    Path output = dir.resolve("infra");

    CliRun run = CliRun.of("infra-validate", "--model=" + model, "--transform=" + PENGUINS.transform,
        "--examples=" + PENGUINS.examples, "--timeout-seconds=1", "--output=" + output);

    assertEquals(3, run.exitCode(), run.err());
    assertTrue(InfraBlessing.read(output).reason().startsWith(
        "the canary JVM did not finish within 1 s and was killed"),
        InfraBlessing.read(output).reason());
  }

  @Test
  void wrongOptionsExitTwoAndWriteNothing() {
    Path output = dir.resolve("infra");
    CliRun noSplit = CliRun.of("infra-validate", "--model=" + PENGUINS.model, "--examples=" + PENGUINS.examples,
        "--split=serving", "--output=" + output);
    assertEquals(2, noSplit.exitCode());
    assertTrue(noSplit.err().contains("has no Split-serving/: name a split of the examples (--split)"), noSplit.err());

    CliRun noRows = CliRun.of("infra-validate", "--model=" + PENGUINS.model, "--examples=" + PENGUINS.examples,
        "--canary-rows=0", "--output=" + output);
    assertEquals(2, noRows.exitCode());
    assertTrue(noRows.err().contains("send at least 1 row"), noRows.err());
    assertFalse(Files.exists(output));
  }

  private Path copyModel() throws IOException {
    Path copy = Files.createDirectories(dir.resolve("model"));
    for (String name : List.of("model.pb", "model.json")) {
      Files.copy(PENGUINS.model.resolve(name), copy.resolve(name));
    }
    return copy;
  }

  private static List<String> files(Path folder) throws IOException {
    try (var files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
