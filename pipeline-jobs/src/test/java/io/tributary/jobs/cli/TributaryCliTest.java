package io.tributary.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.jobs.testing.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TributaryCliTest {

  @TempDir Path dir;

  @Test
  void helpListsTheCommands() {
    CliRun run = CliRun.of("--help");
    assertEquals(0, run.exitCode());
    assertTrue(run.out().contains("examplegen"));
  }

  @Test
  void jobHelpDocumentsEveryOption() {
    CliRun run = CliRun.of("examplegen", "--help");
    assertEquals(0, run.exitCode());
    for (String option : new String[] {"--input", "--split=", "--output", "--schema", "--splitRatios",
        "--splitKeys", "--seed", "--delimiter", "--nullTokens", "--span", "--version", "--outputFormat",
        "--profile"}) {
      assertTrue(run.out().contains(option), option + " is documented");
    }
  }

  @Test
  void transformIsACommandWithItsOptionsDocumented() {
    CliRun run = CliRun.of("transform", "--help");
    assertEquals(0, run.exitCode());
    for (String option : new String[] {"--examples", "--spec", "--output", "--transformOutput", "--fitSplit",
        "--outputFormat", "--overwrite", "--profile"}) {
      assertTrue(run.out().contains(option), option + " is documented");
    }
  }

  @Test
  void badOptionsAreOneLineAndExitTwo() {
    CliRun run = CliRun.of("examplegen", "--input=a.csv", "--output=" + dir.resolve("o"), "--bogus=1");
    assertEquals(2, run.exitCode());
    String[] lines = run.err().split("\n");
    assertEquals(2, lines.length, run.err());
    assertTrue(lines[0].startsWith("tributary examplegen: unknown option --bogus"), lines[0]);
    assertEquals("Run 'tributary examplegen --help' for the options.", lines[1]);
  }

  @Test
  void missingInputFilesExitTwoWithoutAStackTrace() {
    CliRun run = CliRun.of("examplegen", "--input=" + dir + "/none*.csv", "--output=" + dir.resolve("o"));
    assertEquals(2, run.exitCode());
    assertTrue(run.err().startsWith("tributary examplegen: no input files match"), run.err());
    assertTrue(!run.err().contains("\tat "), "no stack trace");
  }
}
