package io.tributary.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.jobs.testing.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tributary serve}: its options are documented and a wrong one is one line, exit 2. */
class ServeCommandTest {

  @TempDir Path dir;

  @Test
  void helpDocumentsEveryOptionWithItsDefault() {
    CliRun run = CliRun.of("serve", "--help");
    assertEquals(0, run.exitCode());
    String help = run.out();
    for (String option : new String[] {"--models", "--port", "--host", "--pollSeconds", "--maxBodyBytes",
        "--maxInstances", "--keepVersions", "--idleTimeoutSeconds", "--bodyTimeoutSeconds", "--maxConcurrentRequests", "--maxConnections"}) {
      assertTrue(help.contains(option), option + " is documented");
    }
    assertTrue(help.contains("default: 8501") && help.contains("default: 127.0.0.1"), help);
  }

  @Test
  void aMissingServingDirectoryIsOneLineAndExitTwo() {
    CliRun run = CliRun.of("serve", "--models=" + dir.resolve("absent"), "--port=0");
    assertEquals(2, run.exitCode());
    String errors = run.err();
    assertTrue(errors.startsWith("tributary serve: " + dir.resolve("absent") + " is not a folder"), errors);
    assertEquals(2, errors.split("\n").length, errors);
  }

  @Test
  void aWrongLimitNamesTheOption() {
    CliRun run = CliRun.of("serve", "--models=" + dir, "--maxInstances=0");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().startsWith("tributary serve: --maxInstances=0"), run.err());
  }

  @Test
  void requestLogOptionsAreDocumentedAndCheckedUpFront() {
    String help = CliRun.of("serve", "--help").out();
    for (String option : new String[] {"--logSampleRate", "--logDir", "--logSpan", "--logRetention", "--logRollSeconds",
        "--logQueueSize"}) {
      assertTrue(help.contains(option), option + " is documented");
    }
    assertTrue(help.contains("default: 1h") && help.contains("default: 7d"), help);
    CliRun noDir = CliRun.of("serve", "--models=" + dir, "--logSampleRate=0.5");
    assertEquals(2, noDir.exitCode());
    assertTrue(noDir.err().startsWith("tributary serve: --logSampleRate=0.5 needs --logDir"), noDir.err());
    CliRun badRetention = CliRun.of("serve", "--models=" + dir, "--logSampleRate=1", "--logDir=" + dir.resolve("logs"),
        "--logRetention=1 week");
    assertEquals(2, badRetention.exitCode());
    assertTrue(badRetention.err().startsWith("tributary serve: --logRetention=1 week is not a duration"), badRetention.err());
    CliRun kebab = CliRun.of("serve", "--models=" + dir, "--log-sample-rate=1", "--log-dir=" + dir.resolve("logs"),
        "--log-span=7m");
    assertEquals(2, kebab.exitCode());
    assertTrue(kebab.err().startsWith("tributary serve: --logSpan=7m: a span must be whole minutes"), kebab.err());
  }
}
