package io.tributary.jobs.execution;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A step that reports nothing itself (a Tribuo training of many trees) still prints a line every
 * period while it runs. The step here waits for the first line instead of
 * sleeping, so the test does not depend on timing.
 */
class ProgressHeartbeatTest {

  @Test
  void aLongStepSaysItIsStillRunningUntilItEnds() throws InterruptedException {
    CountDownLatch line = new CountDownLatch(1);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(new OutputStream() {
      @Override
      public synchronized void write(int b) {
        bytes.write(b);
        if (b == '\n') {
          line.countDown();
        }
      }
    }, true, StandardCharsets.UTF_8);
    Progress progress = new Progress("train", out);
    try (Progress.Heartbeat beat = progress.heartbeat("training random_forest {numTrees=5000}", Duration.ofMillis(10))) {
      assertTrue(line.await(30, TimeUnit.SECONDS), "a line while the step runs");
    }
    String said = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(said.startsWith("[train] training random_forest {numTrees=5000}: ") && said.contains(" s so far\n"), said);
  }
}
