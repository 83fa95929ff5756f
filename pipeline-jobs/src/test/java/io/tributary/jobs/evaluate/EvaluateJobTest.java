package io.tributary.jobs.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.jobs.options.ConfigFile;
import io.tributary.jobs.testing.CliRun;
import io.tributary.jobs.train.ModelArtifact;
import io.tributary.transforms.evaluate.ClassificationMetrics;
import io.tributary.transforms.evaluate.SliceKey;
import io.tributary.transforms.evaluate.blessing.EvalConfig;
import io.tributary.transforms.evaluate.blessing.ThresholdCheck;
import io.tributary.transforms.model.Task;
import io.tributary.transforms.model.ModelFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tributary evaluate} on the penguins: metrics.json, the blessing rules end to end, and bad input. */
class EvaluateJobTest {

  private static final PenguinCandidates PENGUINS = PenguinCandidates.get();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void aGoodModelOverALowBarIsBlessedAndMetricsJsonHoldsEverySlice() throws IOException {
    Path config = config(
        """
        slices: [island, [island, sex]]
        thresholds:
          - {metric: accuracy, lowerBound: 0.8}
          - {metric: macroF1, lowerBound: 0.5, slice: {island: "*"}}
          - {metric: accuracy, change: {absolute: 0}}
        """);
    Path out = dir.resolve("evaluation");
    MetricsFile metrics = PENGUINS.evaluate(
        "--examples=" + PENGUINS.training.examples, "--model=" + PENGUINS.training.model, "--config=" + config,
        "--output=" + out);

    assertTrue(metrics.blessing().blessed(), metrics.blessing().reasons().toString());
    assertEquals(List.of("change of accuracy on Overall: no baseline model"), metrics.blessing().skipped());
    assertEquals(1 + 3 + 2, metrics.blessing().checks().size(),
        "overall accuracy, macro F1 on each of 3 islands, then the naive baseline and every species predicted");
    assertEquals("naiveBaseline", metrics.blessing().checks().get(4).kind());
    assertEquals(1.0 / 3, metrics.blessing().checks().get(4).baseline(), 1e-12, "macroRecall of always one species");
    assertEquals(MetricsFile.read(out), metrics, "metrics.json holds what the job returned");

    JsonNode json = JSON.readTree(out.resolve(MetricsFile.FILE).toFile());
    assertEquals(1, json.get("formatVersion").asInt());
    assertEquals("ModelEvaluation", json.get("type").asText());
    assertEquals("classification", json.get("task").asText());
    assertEquals("species", json.get("label").asText(), "the label defaults to the model's");
    assertTrue(json.get("baseline").isNull());
    assertEquals(JSON.readTree("[[], [\"island\"], [\"island\", \"sex\"]]"), json.get("slices"));
    JsonNode overall = json.get("candidate").get("slices").get(0);
    assertEquals("Overall", overall.get("slice").asText());
    assertEquals(114, overall.get("classification").get("examples").asLong(), "the penguins' eval split");
    assertEquals(114, json.get("candidate").get("scored").asLong());
    assertEquals(0, json.get("candidate").get("deadLetters").asLong());

    // The Evaluator's accuracy is the one the Trainer measured on the same split with Tribuo.
    ClassificationMetrics candidate = metrics.candidate().slice(SliceKey.OVERALL).orElseThrow().classification();
    double tribuo = ModelArtifact.read(PENGUINS.training.model).eval().metrics().get("accuracy");
    assertEquals(tribuo, candidate.accuracy(), 1e-12);
    assertTrue(candidate.rocAuc() > 0.95, "ROC AUC " + candidate.rocAuc());
    long perIsland = metrics.candidate().slices().stream()
        .filter(s -> s.columns().equals(List.of("island")))
        .mapToLong(s -> s.metrics().examples())
        .sum();
    assertEquals(114, perIsland, "every row is in exactly one island's slice");
    assertTrue(metrics.candidate().slices().stream().anyMatch(s -> s.values().contains(SliceKey.MISSING)),
        "penguins without a recorded sex have a (missing) slice");

    assertTrue(Files.exists(out.resolve(BlessingFolder.BLESSED)));
    assertFalse(Files.exists(out.resolve(BlessingFolder.NOT_BLESSED)));
    assertEquals(metrics.blessing().summary() + "\n", Files.readString(out.resolve(BlessingFolder.BLESSED)));
    assertEquals(new BlessingFolder(1, true, List.of(), null), BlessingFolder.read(out));
    assertTrue(Files.exists(out.resolve(EvaluateJob.REPORT)));
    assertEquals(List.of("evaluation", "evaluation.yaml"), siblings(), "nothing staged is left beside the output");
  }

  @Test
  void anImpossibleBarIsNotBlessedWithEveryReasonInTheMarker() throws IOException {
    Path config = config(
        """
        label: species
        thresholds:
          - {metric: accuracy, lowerBound: 0.9}
          - {metric: logLoss, upperBound: 0}
          - {metric: examples, lowerBound: 1000}
        """);
    Path out = dir.resolve("evaluation");
    Path blessing = dir.resolve("blessing");
    MetricsFile metrics = PENGUINS.evaluate(
        "--examples=" + PENGUINS.training.examples, "--model=" + PENGUINS.training.model,
        "--transform=" + PENGUINS.training.transform, "--config=" + config, "--output=" + out,
        "--blessingOutput=" + blessing, "--evalSplit=eval");

    assertFalse(metrics.blessing().blessed());
    List<String> reasons = Files.readAllLines(blessing.resolve(BlessingFolder.NOT_BLESSED));
    assertEquals(2, reasons.size(), reasons.toString());
    assertTrue(reasons.get(0).matches("logLoss on Overall is 0\\.[0-9]+, not <= 0"), reasons.get(0));
    assertEquals("examples on Overall is 114, not >= 1000", reasons.get(1));
    assertTrue(metrics.blessing().checks().get(0).passed(), "accuracy >= 0.9 holds");
    assertEquals(new BlessingFolder(1, false, reasons, null), BlessingFolder.read(blessing));
    assertFalse(Files.exists(blessing.resolve(BlessingFolder.BLESSED)));
    assertFalse(Files.exists(out.resolve(BlessingFolder.NOT_BLESSED)), "the blessing went to --blessingOutput");
    assertTrue(Files.exists(out.resolve(MetricsFile.FILE)));
  }

  @Test
  void aWorseCandidateThanTheBaselineIsNotBlessedAndTheBetterOneIs() throws IOException {
    Path config = config(
        """
        slices: [island]
        thresholds:
          - {metric: accuracy, lowerBound: 0.3}
          - {metric: accuracy, change: {direction: higher_is_better, absolute: -0.01}}
        """);
    Path worse = dir.resolve("worse");
    MetricsFile metrics = PENGUINS.evaluate(
        "--examples=" + PENGUINS.training.examples, "--model=" + PENGUINS.weakModel,
        "--baselineModel=" + PENGUINS.training.model, "--config=" + config, "--output=" + worse);

    assertFalse(metrics.blessing().blessed());
    double weak = metrics.candidate().slice(SliceKey.OVERALL).orElseThrow().classification().accuracy();
    double good = metrics.baseline().slice(SliceKey.OVERALL).orElseThrow().classification().accuracy();
    assertTrue(weak < good - 0.1, "island alone is a weak model: " + weak + " vs " + good);
    assertEquals(metrics.candidate().slices().size(), metrics.baseline().slices().size(), "both models, every slice");
    ThresholdCheck change = metrics.blessing().checks().get(1);
    assertEquals(ThresholdCheck.CHANGE, change.kind());
    assertFalse(change.passed());
    assertEquals(good, change.baseline(), 1e-12);
    assertEquals(List.of(change.message()), Files.readAllLines(worse.resolve(BlessingFolder.NOT_BLESSED)));
    assertEquals(PENGUINS.training.model.toAbsolutePath().toString(), BlessingFolder.read(worse).baseline());
    assertEquals(114, metrics.baseline().scored());

    Path better = dir.resolve("better");
    MetricsFile swapped = PENGUINS.evaluate(
        "--examples=" + PENGUINS.training.examples, "--model=" + PENGUINS.training.model,
        "--baselineModel=" + PENGUINS.weakModel, "--config=" + config, "--output=" + better);
    assertTrue(swapped.blessing().blessed(), swapped.blessing().reasons().toString());
    assertTrue(Files.exists(better.resolve(BlessingFolder.BLESSED)));
  }

  @Test
  void aCorruptedModelFileIsOneLineNamingItAndCreatesNothing() throws IOException {
    Path broken = dir.resolve("broken-model");
    Files.createDirectories(broken);
    for (String file : List.of(ModelFolder.MODEL_FILE, ModelFolder.DESCRIPTOR_FILE)) {
      Files.copy(PENGUINS.training.model.resolve(file), broken.resolve(file));
    }
    byte[] bytes = Files.readAllBytes(broken.resolve(ModelFolder.MODEL_FILE));
    bytes[bytes.length / 2] ^= 0x5a;
    Files.write(broken.resolve(ModelFolder.MODEL_FILE), bytes);
    Path out = dir.resolve("evaluation");

    CliRun cli = CliRun.of("evaluate", "--examples=" + PENGUINS.training.examples, "--model=" + broken,
        "--config=" + config("thresholds: [{metric: accuracy, lowerBound: 0.5}]"), "--output=" + out);

    assertEquals(2, cli.exitCode(), cli.err());
    String first = cli.err().lines().findFirst().orElse("");
    assertTrue(first.startsWith("tributary evaluate: --model: "), first);
    assertTrue(first.contains(broken.resolve(ModelFolder.MODEL_FILE).toString()), first);
    assertTrue(first.contains("damaged"), first);
    assertFalse(Files.exists(out));
    assertEquals(List.of("broken-model", "evaluation.yaml"), siblings());
  }

  @Test
  void configMistakesAreOneLineNamingTheFileAndTheFix() throws IOException {
    CliRun unknownMetric = CliRun.of("evaluate", "--examples=" + PENGUINS.training.examples,
        "--model=" + PENGUINS.training.model, "--config=" + config("thresholds: [{metric: rmse, upperBound: 1}]"),
        "--output=" + dir.resolve("a"));
    assertEquals(2, unknownMetric.exitCode());
    assertTrue(unknownMetric.err().contains("evaluation.yaml: unknown classification metric 'rmse'"), unknownMetric.err());

    CliRun unknownColumn = CliRun.of("evaluate", "--examples=" + PENGUINS.training.examples,
        "--model=" + PENGUINS.training.model, "--config=" + config("slices: [colour]"), "--output=" + dir.resolve("b"));
    assertEquals(2, unknownColumn.exitCode());
    assertTrue(unknownColumn.err().contains("slice [colour] names column 'colour', which is not in the examples"),
        unknownColumn.err());

    CliRun help = CliRun.of("evaluate", "--help");
    assertEquals(0, help.exitCode());
    for (String option : List.of("--examples", "--model", "--transform", "--config", "--baselineModel",
        "--baselineTransform", "--output", "--blessingOutput", "--evalSplit", "--overwrite", "--profile")) {
      assertTrue(help.out().contains(option), option + " is documented");
    }
  }

  @Test
  void theSamplesConfigBlessesTheSamplesModel() throws IOException {
    Path sample = Path.of("../samples/penguin/evaluation.yaml").toAbsolutePath().normalize();
    EvalConfig config = ConfigFile.read(sample, "--config", EvalConfig::fromJson, EvalConfig::fromYaml);
    assertEquals(3, config.slices().size());
    config.checkMetrics(Task.CLASSIFICATION);
    MetricsFile metrics = PENGUINS.evaluate(
        "--examples=" + PENGUINS.training.examples, "--model=" + PENGUINS.training.model, "--config=" + sample,
        "--output=" + dir.resolve("out"));
    assertTrue(metrics.blessing().blessed(), metrics.blessing().reasons().toString());
    assertEquals(1, metrics.blessing().skipped().size(), "the change threshold, without a baseline");
  }

  private Path config(String yaml) throws IOException {
    return Files.writeString(dir.resolve("evaluation.yaml"), yaml);
  }

  private List<String> siblings() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
