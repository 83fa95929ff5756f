package io.tributary.jobs.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.jobs.cli.TributaryCli;
import io.tributary.jobs.testing.PenguinTraining;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tributary tune} in a JVM of its own, as a user starts it: Tribuo trains a model per trial
 * and logs each at INFO through java.util.logging; none of that reaches the output.
 */
class LibraryLoggingTest {

  private static final Path TUNE_CONFIG = Path.of("../samples/penguin/tune.yaml").toAbsolutePath().normalize();

  @TempDir Path dir;

  @Test
  void aTuningRunPrintsNoLibraryInfoLines() throws Exception {
    PenguinTraining penguins = PenguinTraining.get();
    Path output = dir.resolve("tuned");
    Path printed = dir.resolve("printed.txt");
    Process tune = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
            TributaryCli.class.getName(), "tune", "--examples=" + penguins.examples, "--transform=" + penguins.transform,
            "--config=" + TUNE_CONFIG, "--output=" + output)
        .redirectErrorStream(true)
        .redirectOutput(printed.toFile())
        .start();
    assertTrue(tune.waitFor(5, TimeUnit.MINUTES), "tune finished");
    List<String> lines = Files.readAllLines(printed);
    assertEquals(0, tune.exitValue(), String.join("\n", lines));
    assertTrue(lines.stream().anyMatch(line -> line.startsWith("[tune] ")), "the command's own progress: " + lines);
    List<String> chatter = lines.stream()
        .filter(line -> line.contains("INFO") || line.contains("org.tribuo") || line.contains("olcut"))
        .toList();
    assertEquals(List.of(), chatter, "no library's INFO lines");
  }
}
