package io.tributary.jobs.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.jobs.testing.CliRun;
import io.tributary.jobs.testing.PenguinTraining;
import io.tributary.transforms.model.ModelDescriptor;
import io.tributary.transforms.model.ModelFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tributary tune} end to end on the penguin examples, with CART (fast to train). */
class TuneJobTest {

  private static final PenguinTraining PENGUINS = PenguinTraining.get();

  private static final String GRID = """
      label: species
      algorithm: cart
      seed: 3
      search:
        strategy: grid
        metric: accuracy
        parameters:
          maxDepth: [1, 4]
          minChildWeight: {values: [5, 200]}
      """;

  private static final String RANDOM = """
      label: species
      algorithm: cart
      search:
        strategy: random
        metric: macroF1
        trials: 5
        seed: %d
        parameters:
          maxDepth: {min: 1, max: 6}
          minChildWeight: {min: 1, max: 100, scale: log}
      """;

  @TempDir Path dir;

  @Test
  void gridFindsTheKnownBestAndRecordsEveryTrial() throws IOException {
    // A depth-1 tree cannot separate three species, and leaves of weight 200 (of 230 rows) allow
    // hardly a split: only maxDepth 4 with minChildWeight 5 classifies well.
    Tuning tuning = tune(GRID, "grid.yaml", "--parallelism=2");
    Path output = tuning.output();

    Trials trials = Trials.read(output);
    assertEquals(4, trials.trials().size());
    assertEquals("cart", trials.algorithm());
    assertEquals("grid", trials.strategy());
    assertEquals(List.of(Map.of("maxDepth", 1, "minChildWeight", 5.0), Map.of("maxDepth", 1, "minChildWeight", 200.0),
            Map.of("maxDepth", 4, "minChildWeight", 5.0), Map.of("maxDepth", 4, "minChildWeight", 200.0)),
        trials.trials().stream().map(Trial::hyperParameters).toList());
    for (Trial trial : trials.trials()) {
      assertTrue(trial.succeeded(), trial.toString());
      assertEquals(trial.value(), trial.metrics().get("accuracy"));
    }
    assertEquals(2, trials.bestTrial());
    assertTrue(trials.best().value() >= 0.9, trials.best().toString());
    assertTrue(trials.trials().get(0).value() < 0.85, trials.trials().get(0).toString());

    BestHyperParameters best = BestHyperParameters.read(output);
    assertEquals(new BestHyperParameters(1, "cart", Map.of("maxDepth", 4, "minChildWeight", 5.0), "accuracy",
        "maximize", trials.best().value(), 2), best);
    assertEquals(4, tuning.printed().lines().filter(l -> l.contains("done) accuracy")).count(),
        "one progress line per trial:\n" + tuning.printed());
  }

  @Test
  void sameSeedSameTrialsWhateverTheParallelism() throws IOException {
    Path serial = tune(RANDOM.formatted(7), "random.yaml", "--parallelism=1").output();
    Path parallel = tune(RANDOM.formatted(7), "random.yaml", "--parallelism=2").output();
    Path otherSeed = tune(RANDOM.formatted(8), "random.yaml", "--parallelism=2").output();

    assertEquals(withoutDurations(Trials.read(serial)), withoutDurations(Trials.read(parallel)));
    assertEquals(Files.readString(serial.resolve(BestHyperParameters.FILE)),
        Files.readString(parallel.resolve(BestHyperParameters.FILE)));
    assertNotEquals(hyperParameters(Trials.read(serial)), hyperParameters(Trials.read(otherSeed)));
    for (Trial trial : Trials.read(serial).trials()) {
      int depth = trial.hyperParameters().get("maxDepth").intValue();
      double weight = trial.hyperParameters().get("minChildWeight").doubleValue();
      assertTrue(depth >= 1 && depth <= 6 && weight >= 1 && weight <= 100, trial.toString());
    }
  }

  @Test
  void trainTakesTheBestHyperParameters() throws IOException {
    Path tuned = tune(GRID, "grid.yaml", "--parallelism=2").output();
    Path config = Files.writeString(dir.resolve("trainer.yaml"), "label: species\nhyperParameters: {}\n");
    Path model = dir.resolve("model");

    CliRun train = CliRun.of("train", "--examples=" + PENGUINS.examples, "--transform=" + PENGUINS.transform,
        "--config=" + config, "--hyperparameters=" + tuned, "--output=" + model);
    assertEquals(0, train.exitCode(), train.err());

    ModelDescriptor descriptor = ModelFolder.readDescriptor(model.toString());
    assertEquals("cart", descriptor.algorithm());
    assertEquals(4, descriptor.hyperParameters().get("maxDepth").intValue());
    assertEquals(5.0, descriptor.hyperParameters().get("minChildWeight").doubleValue());
  }

  @Test
  void trainRefusesHyperParametersTunedForAnotherAlgorithm() throws IOException {
    Path tuned = tune(GRID, "grid.yaml", "--parallelism=2").output();
    CliRun train = CliRun.of("train", "--examples=" + PENGUINS.examples, "--transform=" + PENGUINS.transform,
        "--config=" + PenguinTraining.CONFIG, "--hyperparameters=" + tuned, "--output=" + dir.resolve("model"));
    assertEquals(2, train.exitCode());
    assertTrue(train.err().contains("tuned for cart but the config trains logistic_regression"), train.err());
    assertFalse(Files.exists(dir.resolve("model")));
  }

  @Test
  void configMistakesExitTwoNamingTheFixAndWriteNothing() throws IOException {
    assertMistake(GRID.replace("[1, 4]", "{min: 1, max: 4}"), "grid search takes a list of values per hyper-parameter, but maxDepth has min/max");
    assertMistake(GRID.replace("maxDepth:", "numTrees:"), "algorithm cart has no hyper-parameter 'numTrees'");
    assertMistake(GRID.replace("[1, 4]", "[0, 4]"), "hyper-parameter maxDepth = 0 is out of range");
    assertMistake(GRID.replace("metric: accuracy", "metric: auc"), "unknown metric 'auc'");
    assertMistake(GRID.replace("algorithm: cart\n", ""), "the tune config needs 'algorithm'");
    assertMistake(GRID.replace("search:", "serch:"), "needs a 'search' section");
    assertMistake(RANDOM.formatted(1).replace("min: 1, max: 100", "min: 0, max: 100"), "scale log needs min > 0");
    assertMistake(GRID.replace("  parameters:", "  trials: 0\n  parameters:"), "the budget is at least 1 trial");
  }

  private void assertMistake(String config, String message) throws IOException {
    Path file = Files.writeString(dir.resolve("bad.yaml"), config);
    Path output = dir.resolve("bad-out");
    CliRun run = CliRun.of("tune", "--examples=" + PENGUINS.examples, "--transform=" + PENGUINS.transform,
        "--config=" + file, "--output=" + output);
    assertEquals(2, run.exitCode());
    String errors = run.err();
    assertTrue(errors.contains(message), "expected '" + message + "' in: " + errors);
    assertFalse(Files.exists(output));
  }

  /** A tune run's output folder and what it printed. */
  private record Tuning(Path output, String printed) {}

  private Tuning tune(String config, String name, String... more) throws IOException {
    Path file = Files.writeString(dir.resolve(name), config);
    Path output = Files.createTempDirectory(dir, "tune").resolve("out");
    List<String> args = new java.util.ArrayList<>(List.of("tune", "--examples=" + PENGUINS.examples,
        "--transform=" + PENGUINS.transform, "--config=" + file, "--output=" + output));
    args.addAll(List.of(more));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run.err());
    return new Tuning(output, run.out());
  }

  private static List<Trial> withoutDurations(Trials trials) {
    return trials.trials().stream()
        .map(t -> new Trial(t.trial(), t.hyperParameters(), t.value(), t.metrics(), 0, t.error()))
        .toList();
  }

  private static List<Map<String, Number>> hyperParameters(Trials trials) {
    return trials.trials().stream().map(Trial::hyperParameters).toList();
  }
}
