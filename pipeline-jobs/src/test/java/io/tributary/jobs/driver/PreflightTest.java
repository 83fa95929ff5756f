package io.tributary.jobs.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.jobs.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every mistake in a file the pipeline names fails {@code tributary run} before ExampleGen, with
 * {@code file:line} and the closest valid name; what needs the data's columns fails right after
 * ExampleGen, before anything downstream. The pipeline is the penguin sample's, copied and broken
 * one way per test.
 */
class PreflightTest {

  private static final Path SAMPLE = Paths.get("../samples/penguin").toAbsolutePath().normalize();
  private static final List<String> FILES =
      List.of("pipeline.yaml", "transform.yaml", "tune.yaml", "trainer.yaml", "evaluation.yaml");

  @TempDir Path dir;
  @TempDir Path home;

  @BeforeEach
  void copySample() throws IOException {
    for (String file : FILES) {
      Files.copy(SAMPLE.resolve(file), dir.resolve(file));
    }
    replace("pipeline.yaml", "input: data/penguins.csv", "input: " + SAMPLE.resolve("data/penguins.csv"));
  }

  @Test
  void anUnknownTransformStepIsFoundBeforeExampleGen() throws IOException {
    replace("transform.yaml", "steps: [{op: impute, strategy: mean}, {op: zScore}]\n  - name: bill_depth_z",
        "steps: [{op: impute, strategy: mean}, {op: zscore}]\n  - name: bill_depth_z");
    String err = failsBeforeExampleGen();
    assertTrue(err.contains(dir.resolve("transform.yaml") + ":7: unknown op 'zscore' in features[0].steps[1];"
        + " did you mean 'zScore'?"), err);
    assertFalse(err.contains("io.tributary") || err.contains("Could not resolve type id"), "no Jackson text: " + err);
  }

  @Test
  void aMetricTypoInTheEvaluationConfigIsFoundBeforeExampleGen() throws IOException {
    replace("evaluation.yaml", "{metric: macroF1,", "{metric: macroF2,");
    String err = failsBeforeExampleGen();
    assertTrue(err.contains(dir.resolve("evaluation.yaml") + ":8: "), err);
    assertTrue(err.contains("unknown metric 'macroF2' in a threshold; did you mean 'macroF1'?"), err);
  }

  @Test
  void aMetricTypoInTheTuneConfigIsFoundBeforeExampleGen() throws IOException {
    replace("tune.yaml", "metric: accuracy ", "metric: acuracy ");
    String err = failsBeforeExampleGen();
    assertTrue(err.contains(dir.resolve("tune.yaml") + ":10: "), err);
    assertTrue(err.contains("unknown metric 'acuracy'") && err.contains("did you mean 'accuracy'?"), err);
  }

  @Test
  void aValueOfTheWrongTypeIsFoundBeforeExampleGen() throws IOException {
    replace("trainer.yaml", "seed: 0", "seed: zero");
    String err = failsBeforeExampleGen();
    assertTrue(err.contains(dir.resolve("trainer.yaml") + ":7: 'seed' must be a whole number, not 'zero'"), err);
  }

  @Test
  void keysGivenTwiceAreFoundBeforeExampleGen() throws IOException {
    Files.writeString(dir.resolve("trainer.yaml"), Files.readString(dir.resolve("trainer.yaml")) + "label: island\n");
    String err = failsBeforeExampleGen();
    assertTrue(err.contains(dir.resolve("trainer.yaml") + ":8: 'label' is given twice"), err);

    copySampleAgain();
    replace("pipeline.yaml", "      splitRatios: train:3,eval:1,test:1", "      splitRatios: train:3,eval:1,test:1\n      input: other.csv");
    String pipeline = failsBeforeExampleGen();
    assertTrue(pipeline.contains(dir.resolve("pipeline.yaml") + ":11: parameter 'input' is given twice"), pipeline);
  }

  @Test
  void aMissingConfigFileIsFoundBeforeExampleGen() throws IOException {
    replace("pipeline.yaml", "config: trainer.yaml", "config: trainr.yaml");
    String err = failsBeforeExampleGen();
    assertTrue(err.contains("pipeline.yaml:37: component 'Trainer': 'config: trainr.yaml' names no file"), err);
  }

  @Test
  void everyMistakeIsReportedAtOnceOnePerLine() throws IOException {
    replace("transform.yaml", "{op: oneHot}]\npassThrough", "{op: onehot}]\npassThrough");
    replace("evaluation.yaml", "{metric: accuracy, lowerBound: 0.9}", "{metric: acurracy, lowerBound: 0.9}");
    String err = failsBeforeExampleGen();
    List<String> lines = err.lines().toList();
    assertEquals(2, lines.size(), err);
    assertTrue(lines.get(0).contains("transform.yaml:22: unknown op 'onehot'") && lines.get(0).contains("'oneHot'"), err);
    assertTrue(lines.get(1).contains("evaluation.yaml:7: thresholds[0]: unknown metric 'acurracy'"), err);
  }

  @Test
  void sizesBeyondTheirBoundsAreFoundBeforeExampleGen() throws IOException {
    replace("transform.yaml", "{op: vocabulary, oovBuckets: 1}, {op: oneHot}]\n  - name: sex_onehot",
        "{op: hash, buckets: 2000000000}]\n  - name: sex_onehot");
    replace("trainer.yaml", "epochs: 50", "epochs: 2000000000");
    replace("tune.yaml", "trials: 4 ", "trials: 2000000000 ");
    replace("pipeline.yaml", "      label: species                # absent when serving",
        "      label: species\n      maxDomainSize: 2000000000");
    replace("pipeline.yaml", "      input: " + SAMPLE.resolve("data/penguins.csv"),
        "      input: " + SAMPLE.resolve("data/penguins.csv") + "\n      inferenceSampleRows: 2000000000");
    String err = failsBeforeExampleGen();
    assertTrue(err.contains("transform.yaml:19: features[4].steps[0]: hash buckets is 2000000000; at most 1000000"
        + " (each bucket is a column of every row)"), err);
    assertTrue(err.contains("trainer.yaml:") && err.contains("epochs = 2000000000 is out of range: use >= 1 and <= 10000"), err);
    assertTrue(err.contains("tune.yaml:") && err.contains("trials is 2000000000; at most 10000 (each trial trains a model)"), err);
    assertTrue(err.contains("component 'SchemaGen': maxDomainSize is 2000000000; at most 100000"), err);
    assertTrue(err.contains("component 'ExampleGen': inferenceSampleRows is 2000000000; at most 10000000"), err);
  }

  @Test
  void anIntegerLabelWithoutTaskStopsTheRunRightAfterExampleGen() throws IOException {
    replace("tune.yaml", "label: species", "label: year");
    replace("trainer.yaml", "label: species", "label: year");
    CliRun run = CliRun.of("run", dir.resolve("pipeline.yaml").toString(), "--home=" + home);
    assertEquals(1, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("ExampleGen       COMPLETE"), run.out());
    String tuner = run.out().lines().filter(line -> line.startsWith("[run] Tuner ")).findFirst().orElse("");
    assertTrue(tuner.contains("FAILED") && tuner.contains("configuration error")
        && tuner.contains(dir.resolve("tune.yaml") + ":5: label 'year' holds whole numbers (INT64)")
        && tuner.contains("'task: classification'") && tuner.contains("'task: regression'"), run.out());
    assertFalse(Files.exists(root().resolve("StatisticsGen")), "nothing after ExampleGen ran");
    assertFalse(run.out().contains("trial"), "no tuner trial ran");
  }

  @Test
  void theStandaloneCommandsSayTheSameInOneLine() throws IOException {
    replace("transform.yaml", "{op: zScore}]\n  - name: bill_depth_z", "{op: zscore}]\n  - name: bill_depth_z");
    replace("tune.yaml", "metric: accuracy ", "metric: acuracy ");
    replace("trainer.yaml", "seed: 0", "seed: zero");
    replace("evaluation.yaml", "{metric: macroF1,", "{metric: macroF2,");
    String none = "--examples=" + dir.resolve("none");
    String out = "--output=" + dir.resolve("out");
    assertOneLine(CliRun.of("transform", none, "--spec=" + dir.resolve("transform.yaml"), out),
        "tributary transform: " + dir.resolve("transform.yaml") + ":7: unknown op 'zscore'");
    assertOneLine(CliRun.of("tune", none, "--transform=" + dir, "--config=" + dir.resolve("tune.yaml"), out),
        "tributary tune: " + dir.resolve("tune.yaml") + ":10: unknown metric 'acuracy'");
    assertOneLine(CliRun.of("train", none, "--transform=" + dir, "--config=" + dir.resolve("trainer.yaml"), out),
        "tributary train: " + dir.resolve("trainer.yaml") + ":7: 'seed' must be a whole number, not 'zero'");
    assertOneLine(CliRun.of("evaluate", none, "--model=" + dir, "--config=" + dir.resolve("evaluation.yaml"), out),
        "tributary evaluate: " + dir.resolve("evaluation.yaml") + ":8: thresholds[1]: unknown metric 'macroF2'");
  }

  private static void assertOneLine(CliRun run, String start) {
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().startsWith(start), run.err());
    assertEquals(2, run.err().lines().count(), "the mistake and where the help is: " + run.err());
  }

  /** Runs the pipeline: exit code 2 and nothing run or recorded; returns the error text. */
  private String failsBeforeExampleGen() {
    CliRun run = CliRun.of("run", dir.resolve("pipeline.yaml").toString(), "--home=" + home);
    assertEquals(2, run.exitCode(), run.out() + run.err());
    assertFalse(Files.exists(root().resolve("ExampleGen")), "ExampleGen did not run");
    assertFalse(run.out().contains("running, execution"), run.out());
    return run.err().replace("tributary run: ", "");
  }

  private Path root() {
    return home.resolve("pipelines").resolve("penguin");
  }

  private void copySampleAgain() throws IOException {
    for (String file : FILES) {
      Files.delete(dir.resolve(file));
    }
    copySample();
  }

  private void replace(String file, String from, String to) throws IOException {
    String text = Files.readString(dir.resolve(file));
    assertTrue(text.contains(from), file + " holds " + from);
    Files.writeString(dir.resolve(file), text.replace(from, to));
  }
}
