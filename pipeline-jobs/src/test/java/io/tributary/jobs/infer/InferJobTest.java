package io.tributary.jobs.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.jobs.options.JobArguments;
import io.tributary.jobs.testing.PenguinTraining;
import io.tributary.transforms.examples.ExampleFiles;
import io.tributary.transforms.model.Predictor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tributary infer} on the penguin examples with the penguin model, on the DirectRunner. */
class InferJobTest {

  private static final PenguinTraining PENGUINS = PenguinTraining.get();

  @TempDir Path dir;

  @Test
  void scoresEverySplitAsTheServingPathDoes() throws Exception {
    Path output = dir.resolve("inference");
    InferenceArtifact artifact =
        run("--examples=" + PENGUINS.examples, "--model=" + PENGUINS.model, "--output=" + output, "--outputFormat=parquet");

    assertEquals(List.of("train", "eval"), artifact.splits(), "in ExampleGen's split order");
    assertEquals(344, artifact.scored());
    assertEquals(0, artifact.deadLetters());
    assertEquals(artifact, InferenceArtifact.read(output));
    Predictor serving = Predictor.load(PENGUINS.model.toString());
    List<Row> scored = ExampleFiles.read(output.resolve("Split-eval"));
    assertEquals(114, scored.size());
    long correct = 0;
    for (Row row : scored) {
      assertEquals(serving.predict(row).label(), row.getString("prediction"));
      correct += row.getString("prediction").equals(row.getString("species")) ? 1 : 0;
    }
    assertTrue(correct >= 0.95 * scored.size(), correct + " of " + scored.size() + " correct");
    assertTrue(Files.isDirectory(output.resolve("errors")));
  }

  private static InferenceArtifact run(String... args) {
    InferOptions options = JobArguments.parse(args, InferOptions.class);
    return new InferJob(options, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run();
  }
}
