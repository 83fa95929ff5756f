package io.tributary.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TributaryCliTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream oldOut;
  private PrintStream oldErr;

  @BeforeEach
  void capture() {
    oldOut = System.out;
    oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(oldOut);
    System.setErr(oldErr);
  }

  private int run(String... args) {
    return new CommandLine(new TributaryCli()).execute(args);
  }

  private String errors() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void helpListsTheCommands() {
    assertEquals(0, run("--help"));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("examplegen"));
  }

  @Test
  void jobHelpDocumentsEveryOption() {
    assertEquals(0, run("examplegen", "--help"));
    String help = out.toString(StandardCharsets.UTF_8);
    for (String option : new String[] {"--input", "--split=", "--output", "--schema", "--splitRatios",
        "--splitKeys", "--seed", "--delimiter", "--nullTokens", "--span", "--version", "--outputFormat",
        "--profile"}) {
      assertTrue(help.contains(option), option + " is documented");
    }
  }

  @Test
  void transformIsACommandWithItsOptionsDocumented() {
    assertEquals(0, run("transform", "--help"));
    String help = out.toString(StandardCharsets.UTF_8);
    for (String option : new String[] {"--examples", "--spec", "--output", "--transformOutput", "--fitSplit",
        "--outputFormat", "--overwrite", "--profile"}) {
      assertTrue(help.contains(option), option + " is documented");
    }
  }

  @Test
  void badOptionsAreOneLineAndExitTwo() {
    assertEquals(2, run("examplegen", "--input=a.csv", "--output=" + dir.resolve("o"), "--bogus=1"));
    String[] lines = errors().split("\n");
    assertEquals(2, lines.length, errors());
    assertTrue(lines[0].startsWith("tributary examplegen: unknown option --bogus"), lines[0]);
    assertEquals("Run 'tributary examplegen --help' for the options.", lines[1]);
  }

  @Test
  void missingInputFilesExitTwoWithoutAStackTrace() {
    assertEquals(2, run("examplegen", "--input=" + dir + "/none*.csv", "--output=" + dir.resolve("o")));
    assertTrue(errors().startsWith("tributary examplegen: no input files match"), errors());
    assertTrue(!errors().contains("\tat "), "no stack trace");
  }
}
