package io.tributary.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.jobs.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tributary run} reports what stops it before the first step in one line, never a stack
 * trace: exit 2 when a file or an option is wrong (YAML beyond the safety limits, a metadata url
 * that is not a supported JDBC url), 1 when the store cannot be used (a file that is not a SQLite
 * database, a home that is a file, a PostgreSQL server that is not there).
 */
class RunErrorsTest {

  private static final Path PIPELINE = Paths.get("../samples/penguin/pipeline.yaml").toAbsolutePath().normalize();

  @TempDir Path dir;

  @Test
  void anAliasBombIsOneLineAndExitTwo() throws IOException {
    StringBuilder bomb = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (char name = 'b'; name <= 'i'; name++) {
      String previous = "*" + (char) (name - 1);
      bomb.append(name).append(": &").append(name).append(" [")
          .append(String.join(", ", java.util.Collections.nCopies(9, previous))).append("]\n");
    }
    CliRun run = run(write("bomb.yaml", bomb.toString()));
    assertOneLine(run, 2, "not valid YAML: Number of aliases for non-scalar nodes exceeds the specified max=50");
  }

  @Test
  void deepNestingIsOneLineAndExitTwo() throws IOException {
    CliRun run = run(write("deep.yaml", "a: " + "[".repeat(200) + "]".repeat(200) + "\n"));
    assertOneLine(run, 2, "not valid YAML: Nesting Depth exceeded max 50");
  }

  @Test
  void aFileOverThreeMegabytesIsOneLineAndExitTwo() throws IOException {
    CliRun run = run(write("big.yaml", "# " + "x".repeat(4 << 20) + "\npipeline: big\n"));
    assertOneLine(run, 2, "not valid YAML: The incoming YAML document exceeds the limit: 3145728 code points.");
  }

  @Test
  void anUnsupportedMetadataUrlIsOneLineAndExitTwo() {
    CliRun run = CliRun.of("run", PIPELINE.toString(), "--metadataUrl=jdbc:mysql://127.0.0.1/tributary");
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().startsWith("tributary run: unsupported metadata url 'jdbc:mysql://127.0.0.1/tributary'"),
        run.err());
    assertEquals(2, run.err().lines().count(), "the mistake and where the help is: " + run.err());
  }

  @Test
  void aStoreThatIsNotSqliteIsOneLineAndExitOne() throws IOException {
    Path home = Files.createDirectories(dir.resolve("home"));
    Files.writeString(home.resolve("metadata.sqlite"), "pipeline: not a database\n".repeat(200));
    CliRun run = CliRun.of("run", PIPELINE.toString(), "--home=" + home);
    assertOneLine(run, 1, "failed: ");
    assertTrue(run.err().contains(home.resolve("metadata.sqlite").toString()), "names the store: " + run.err());
  }

  @Test
  void aHomeThatIsAFileIsOneLineAndExitOne() throws IOException {
    Path home = write("home", "a file, not a folder\n");
    CliRun run = CliRun.of("run", PIPELINE.toString(), "--home=" + home);
    assertOneLine(run, 1, "failed: ");
  }

  @Test
  void aPostgresqlServerThatIsNotThereIsOneLineAndExitOne() {
    CliRun run = CliRun.of("run", PIPELINE.toString(), "--metadataUrl=jdbc:postgresql://127.0.0.1:1/tributary");
    assertOneLine(run, 1, "failed: ");
  }

  private CliRun run(Path pipeline) {
    return CliRun.of("run", pipeline.toString(), "--home=" + dir.resolve("home"));
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static void assertOneLine(CliRun run, int exitCode, String reason) {
    assertEquals(exitCode, run.exitCode(), run.out() + run.err());
    assertEquals(1, run.err().lines().count(), "one line: " + run.err());
    assertTrue(run.err().startsWith("tributary run: ") && run.err().contains(reason), run.err());
    assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
  }
}
