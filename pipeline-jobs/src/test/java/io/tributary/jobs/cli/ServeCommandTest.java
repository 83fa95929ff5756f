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

/** {@code tributary serve}: its options are documented and a wrong one is one line, exit 2. */
class ServeCommandTest {

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

  @Test
  void helpDocumentsEveryOptionWithItsDefault() {
    assertEquals(0, run("serve", "--help"));
    String help = out.toString(StandardCharsets.UTF_8);
    for (String option : new String[] {"--models", "--port", "--host", "--pollSeconds", "--maxBodyBytes",
        "--maxInstances", "--keepVersions"}) {
      assertTrue(help.contains(option), option + " is documented");
    }
    assertTrue(help.contains("default: 8501") && help.contains("default: 127.0.0.1"), help);
  }

  @Test
  void aMissingServingDirectoryIsOneLineAndExitTwo() {
    assertEquals(2, run("serve", "--models=" + dir.resolve("absent"), "--port=0"));
    String errors = err.toString(StandardCharsets.UTF_8);
    assertTrue(errors.startsWith("tributary serve: " + dir.resolve("absent") + " is not a folder"), errors);
    assertEquals(2, errors.split("\n").length, errors);
  }

  @Test
  void aWrongLimitNamesTheOption() {
    assertEquals(2, run("serve", "--models=" + dir, "--maxInstances=0"));
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("tributary serve: --maxInstances=0"), err.toString());
  }
}
