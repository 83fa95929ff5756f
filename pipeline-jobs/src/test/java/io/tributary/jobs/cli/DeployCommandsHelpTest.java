package io.tributary.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.jobs.testing.CliRun;
import org.junit.jupiter.api.Test;

/** {@code tune}, {@code infra-validate} and {@code push} are commands, and their help documents every option. */
class DeployCommandsHelpTest {

  @Test
  void theCommandsAreListed() {
    String help = CliRun.of("--help").out();
    for (String command : new String[] {"tune", "infra-validate", "push"}) {
      assertTrue(help.contains(command), command + " is listed:\n" + help);
    }
  }

  @Test
  void tuneDocumentsEveryOption() {
    assertDocumented("tune", "--examples", "--transform", "--config", "--output", "--parallelism", "--trainSplit",
        "--evalSplit", "--overwrite", "grid or random");
    assertDocumented("train", "--hyperparameters");
  }

  @Test
  void infraValidateDocumentsEveryOptionAndItsExitCodes() {
    assertDocumented("infra-validate", "--model", "--transform", "--examples", "--split", "--canaryRows",
        "--maxP99LatencyMs", "--maxHeapMb", "--timeoutSeconds", "--output", "--overwrite",
        "3 INFRA_NOT_BLESSED");
  }

  @Test
  void pushDocumentsEveryOptionAndItsExitCodes() {
    assertDocumented("push", "--model", "--transform", "--blessing", "--infraBlessing", "--servingDir",
        "--modelName", "1 refused");
  }

  @Test
  void aMissingRequiredOptionExitsTwo() {
    CliRun run = CliRun.of("push", "--model=m");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("Missing required options"), run.err());
  }

  private static void assertDocumented(String command, String... texts) {
    CliRun run = CliRun.of(command, "--help");
    assertEquals(0, run.exitCode());
    for (String text : texts) {
      assertTrue(run.out().contains(text), command + " --help documents " + text + ":\n" + run.out());
    }
  }
}
