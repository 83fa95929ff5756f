package io.tributary.jobs.evaluate;

import io.tributary.jobs.artifacts.StagedOutput;
import io.tributary.jobs.options.JobArguments;
import io.tributary.jobs.testing.PenguinTraining;
import io.tributary.jobs.train.TrainJob;
import io.tributary.jobs.train.TrainOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Two penguin models to compare, built once per JVM: the sample's good model ({@link
 * PenguinTraining}) and a weak one trained on the island alone, which cannot tell Adelie penguins
 * from the others on Dream and Torgersen.
 */
final class PenguinCandidates {

  private static PenguinCandidates instance;

  final PenguinTraining training = PenguinTraining.get();
  final Path weakModel;

  private PenguinCandidates(Path root) throws IOException {
    Path config = Files.writeString(root.resolve("weak.yaml"), "label: species\nfeatures: [island]\nseed: 0\n");
    weakModel = root.resolve("weak-model");
    new TrainJob(
            JobArguments.parse(
                new String[] {
                  "--examples=" + training.examples, "--transform=" + training.transform, "--config=" + config,
                  "--output=" + weakModel
                },
                TrainOptions.class),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
        .run();
  }

  static synchronized PenguinCandidates get() {
    if (instance == null) {
      try {
        Path root = Files.createTempDirectory("tributary-penguin-candidates");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
        instance = new PenguinCandidates(root);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }

  /** Runs {@code tributary evaluate} in this JVM with these options; returns metrics.json's content. */
  MetricsFile evaluate(String... options) {
    return new EvaluateJob(
            JobArguments.parse(options, EvaluateOptions.class),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
        .run();
  }

  private static void delete(Path root) {
    try {
      StagedOutput.deleteTree(root);
    } catch (IOException ignored) {
      // Best effort at JVM exit: a leftover temporary folder is harmless.
    }
  }
}
