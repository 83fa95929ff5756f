package io.tributary.jobs.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.jobs.cli.TributaryCli;
import io.tributary.jobs.examplegen.ExampleGenJob;
import io.tributary.jobs.examplegen.ExampleGenOptions;
import io.tributary.jobs.options.JobArguments;
import io.tributary.transforms.examples.ExampleFiles;
import io.tributary.transforms.model.ModelDescriptor;
import io.tributary.transforms.model.ModelFolder;
import io.tributary.transforms.model.Predictor;
import io.tributary.transforms.transform.TransformFn;
import io.tributary.transforms.transform.TransformFnFiles;
import io.tributary.transforms.transform.TransformSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tributary train} end to end: ExampleGen's penguin output, a fitted transform, the sample config. */
class TrainJobTest {

  static final Path PENGUINS = Path.of("../samples/penguin/data/penguins.csv").toAbsolutePath().normalize();
  static final Path CONFIG = Path.of("../samples/penguin/trainer.yaml").toAbsolutePath().normalize();

  @TempDir static Path shared;
  @TempDir Path dir;

  static Path examples;
  static Path transform;

  @BeforeAll
  static void examplesAndTransform() throws IOException {
    examples = shared.resolve("examples");
    ExampleGenOptions options =
        JobArguments.parse(new String[] {"--input=" + PENGUINS, "--output=" + examples}, ExampleGenOptions.class);
    new ExampleGenJob(options, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run();
    List<Row> train = ExampleFiles.read(examples.resolve("Split-train"));
    String spec;
    try (InputStream in = TrainJobTest.class.getResourceAsStream("penguin-transform.yaml")) {
      spec = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    transform = shared.resolve("transform");
    TransformFnFiles.write(TransformFn.fit(TransformSpec.fromYaml(spec), train.get(0).getSchema(), train), transform.toString());
  }

  @Test
  void trainsTheSampleConfigAndPublishesTheModelFolder() throws IOException {
    Path output = dir.resolve("model");
    assertEquals(0, cli("train", "--examples=" + examples, "--transform=" + transform, "--config=" + CONFIG, "--output=" + output));

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
    assertEquals(transform.toString(), descriptor.transform().path());
    Row first = ExampleFiles.read(examples.resolve("Split-eval")).get(0);
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
      assertEquals(2, cli("train", "--examples=" + examples, "--transform=" + transform, "--config=" + config, "--output=" + output));
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
    return new CommandLine(new TributaryCli()).execute(args);
  }
}
