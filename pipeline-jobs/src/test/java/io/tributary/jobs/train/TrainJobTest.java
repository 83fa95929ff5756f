package io.tributary.jobs.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.jobs.cli.TributaryCli;
import io.tributary.jobs.testing.PenguinTraining;
import io.tributary.transforms.examples.ExampleFiles;
import io.tributary.transforms.model.ModelDescriptor;
import io.tributary.transforms.model.ModelFolder;
import io.tributary.transforms.model.Predictor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tributary train} end to end: ExampleGen's penguin output, a fitted transform, the sample config. */
class TrainJobTest {

  private static final PenguinTraining PENGUINS = PenguinTraining.get();

  @TempDir Path dir;

  @Test
  void trainsTheSampleConfigAndPublishesTheModelFolder() throws IOException {
    Path output = dir.resolve("model");
    assertEquals(0, cli("train", "--examples=" + PENGUINS.examples, "--transform=" + PENGUINS.transform,
        "--config=" + PenguinTraining.CONFIG, "--output=" + output));

    assertEquals(
        List.of("artifact.json", "model.json", "model.pb"),
        Files.list(output).map(p -> p.getFileName().toString()).sorted().toList());
    ModelArtifact artifact = ModelArtifact.read(output);
    assertEquals("Model", artifact.type());
    assertEquals("logistic_regression", artifact.algorithm());
    assertEquals(230, artifact.train().examples());
    assertEquals(114, artifact.eval().examples());
    assertTrue(artifact.eval().metrics().get("accuracy") >= 0.95, "eval " + artifact.eval());
    ModelDescriptor descriptor = ModelFolder.readDescriptor(output.toString());
    assertEquals(PENGUINS.transform.toString(), descriptor.transform().path());
    Row first = ExampleFiles.read(PENGUINS.examples.resolve("Split-eval")).get(0);
    assertEquals(first.getString("species"), Predictor.load(output.toString()).predict(first).label());
  }

  @Test
  void configurationMistakesExitTwoAndLeaveNothing() throws IOException {
    Path config = Files.writeString(dir.resolve("bad.yaml"), "label: species\nalgorithm: svm\n");
    Path output = dir.resolve("model");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream old = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      assertEquals(2, cli("train", "--examples=" + PENGUINS.examples, "--transform=" + PENGUINS.transform,
          "--config=" + config, "--output=" + output));
    } finally {
      System.setErr(old);
    }
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown algorithm 'svm'"), err.toString(StandardCharsets.UTF_8));
    assertFalse(Files.exists(output));
    try (var left = Files.list(dir)) {
      assertEquals(List.of("bad.yaml"), left.map(p -> p.getFileName().toString()).toList());
    }
  }

  private static int cli(String... args) {
    return TributaryCli.commandLine().execute(args);
  }
}
