package io.tributary.jobs.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.jobs.evaluate.EvaluateJob;
import io.tributary.jobs.evaluate.EvaluateOptions;
import io.tributary.jobs.evaluate.MetricsFile;
import io.tributary.jobs.examplegen.ExampleGenJob;
import io.tributary.jobs.examplegen.ExampleGenOptions;
import io.tributary.jobs.examplegen.ExamplesArtifact;
import io.tributary.jobs.options.JobArguments;
import io.tributary.jobs.statistics.StatisticsGenJob;
import io.tributary.jobs.statistics.StatisticsGenOptions;
import io.tributary.jobs.train.TrainJob;
import io.tributary.jobs.train.TrainOptions;
import io.tributary.jobs.transform.TransformJob;
import io.tributary.jobs.transform.TransformOptions;
import io.tributary.transforms.model.ModelFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's own column names from the raw file to a served prediction: penguins with the raw
 * palmerpenguins headers ({@code Culmen Length (mm)}, {@code Body Mass (g)}, ...) go through the
 * real examplegen, statistics, transform (a spec naming the original columns), train, evaluate
 * (a config naming them) and serve jobs, and a predict request uses the original names.
 */
class OriginalColumnNamesTest {

  private static final Path PENGUINS = Path.of("../../shared/data/penguins.csv").toAbsolutePath().normalize();
  private static final String RAW_HEADER =
      "Species,Island,Culmen Length (mm),Culmen Depth (mm),Flipper Length (mm),Body Mass (g),Sex,Sample Year";

  @TempDir Path dir;

  @Test
  void originalNamesWorkFromTheRawFileToAServedPrediction() throws Exception {
    Path csv = rawPenguins();

    ByteArrayOutputStream said = new ByteArrayOutputStream();
    Path examples = dir.resolve("examples");
    new ExampleGenJob(
            JobArguments.parse(new String[] {"--input=" + csv, "--output=" + examples}, ExampleGenOptions.class),
            new PrintStream(said, true, StandardCharsets.UTF_8))
        .run();
    String log = said.toString(StandardCharsets.UTF_8);
    assertTrue(log.contains("column 'Culmen Length (mm)' -> field Culmen_Length__mm_"), log);
    assertTrue(log.contains("column 'Sample Year' -> field Sample_Year"), log);
    assertEquals(
        "Culmen_Length__mm_", ExamplesArtifact.read(examples).columnNames().get("Culmen Length (mm)"));
    assertTrue(
        Files.readString(examples.resolve("Split-train/schema.avsc")).contains("\"column\" : \"Body Mass (g)\""));

    Path statistics = dir.resolve("statistics");
    new StatisticsGenJob(
            JobArguments.parse(
                new String[] {"--examples=" + examples, "--output=" + statistics}, StatisticsGenOptions.class),
            quiet())
        .run();
    String report = Files.readString(statistics.resolve(StatisticsGenJob.REPORT));
    assertTrue(report.contains("Culmen Length (mm)"), "statistics.html shows the original name");

    Path spec = write("transform.yaml", String.join("\n",
        "features:",
        "  - {name: length, inputs: [Culmen Length (mm)], steps: [{op: impute, strategy: mean}, {op: zScore}]}",
        "  - {name: depth, inputs: [Culmen Depth (mm)], steps: [{op: zScore}]}",
        "  - {name: flipper, inputs: [Flipper_Length__mm_], steps: [{op: impute, strategy: mean}, {op: zScore}]}",
        "  - {name: mass, inputs: [Body Mass (g)], steps: [{op: impute, strategy: mean}, {op: zScore}]}",
        "  - {name: island, inputs: [Island], steps: [{op: vocabulary}, {op: oneHot}]}",
        "passThrough: [Species]",
        "drop: [Sex, Sample Year]",
        ""));
    Path transformed = dir.resolve("transformed");
    new TransformJob(
            JobArguments.parse(
                new String[] {"--examples=" + examples, "--spec=" + spec, "--output=" + transformed},
                TransformOptions.class),
            quiet())
        .run();
    Path transformFn = transformed.resolve(TransformJob.TRANSFORM_FN_FOLDER);
    assertTrue(
        Files.readString(transformFn.resolve("transform_fn.json")).contains("\"column\" : \"Culmen Depth (mm)\""));

    Path model = dir.resolve("model");
    new TrainJob(
            JobArguments.parse(
                new String[] {
                  "--examples=" + examples, "--transform=" + transformFn,
                  "--config=" + write("trainer.yaml", "label: Species\nalgorithm: logistic_regression\nhyperParameters: {epochs: 50}\nseed: 0\n"), "--output=" + model
                },
                TrainOptions.class),
            quiet())
        .run();

    Path evaluation = dir.resolve("evaluation");
    MetricsFile metrics =
        new EvaluateJob(
                JobArguments.parse(
                    new String[] {
                      "--examples=" + examples, "--model=" + model, "--transform=" + transformFn,
                      "--config=" + write("evaluation.yaml", "label: Species\nslices: [Sample Year]\n"),
                      "--output=" + evaluation
                    },
                    EvaluateOptions.class),
                quiet())
            .run();
    assertEquals(List.of(List.of(), List.of("Sample_Year")), metrics.slices().stream().map(s -> s.columns()).toList());

    push(model, transformFn, dir.resolve("serving"));
    try (ModelServer server = ModelServer.start(
            ServeConfig.builder(dir.resolve("serving")).port(0).pollInterval(Duration.ofMillis(50)).build(), quiet());
        HttpJson http = new HttpJson(server.uri())) {
      server.awaitFirstScan(Duration.ofMinutes(1));
      String predict = "/v1/models/penguin:predict";
      HttpJson.Answer answer = http.post(predict, "{\"instances\": [{\"Island\": \"Biscoe\", \"Culmen Length (mm)\": 47.5,"
          + " \"Culmen Depth (mm)\": 14.9, \"Flipper Length (mm)\": 218, \"Body Mass (g)\": 5100}]}");
      assertEquals(200, answer.status(), answer.text());
      assertEquals("Gentoo", answer.json().get("predictions").get(0).get("prediction").asText(), answer.text());

      HttpJson.Answer lacking = http.post(predict, "{\"instances\": [{\"Island\": \"Biscoe\", \"Culmen Length (mm)\": 47.5,"
          + " \"Flipper Length (mm)\": 218, \"Body Mass (g)\": 5100}]}");
      assertEquals(422, lacking.status(), lacking.text());
      assertTrue(lacking.text().contains("lacks feature 'Culmen Depth (mm)' (field Culmen_Depth__mm_"), lacking.text());

      HttpJson.Answer missing = http.post(predict, "{\"instances\": [{\"Island\": \"Biscoe\", \"Culmen Length (mm)\": 47.5,"
          + " \"Culmen Depth (mm)\": null, \"Flipper Length (mm)\": 218, \"Body Mass (g)\": 5100}]}");
      assertEquals(422, missing.status(), missing.text());
      JsonNode error = missing.json().get("error");
      assertTrue(error.asText().contains("feature 'Culmen Depth (mm)' is missing"), missing.text());
    }
  }

  /** The shared penguins with the raw palmerpenguins headers, without the rows lacking measurements. */
  private Path rawPenguins() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(PENGUINS, StandardCharsets.UTF_8));
    lines.set(0, RAW_HEADER);
    lines.removeIf(line -> line.contains(",NA,NA,NA,NA,"));
    Path csv = dir.resolve("penguins_raw.csv");
    Files.write(csv, lines, StandardCharsets.UTF_8);
    return csv;
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  /** Publishes version 1 of "penguin" into a serving directory, as the Pusher does. */
  private static void push(Path model, Path transform, Path serving) throws IOException {
    Path version = Files.createDirectories(serving.resolve("penguin").resolve("1"));
    for (String file : new String[] {ModelFolder.MODEL_FILE, ModelFolder.DESCRIPTOR_FILE}) {
      Files.copy(model.resolve(file), version.resolve(file));
    }
    Path copy = Files.createDirectories(version.resolve("transform"));
    try (Stream<Path> files = Files.list(transform)) {
      for (Path file : files.toList()) {
        Files.copy(file, copy.resolve(file.getFileName()));
      }
    }
    String sha = ModelFolder.readDescriptor(model.toString()).modelSha256();
    Files.writeString(version.resolve("push.json"), "{\"formatVersion\":1,\"modelName\":\"penguin\",\"version\":1,"
        + "\"pushedAt\":\"2026-12-07T10:00:00Z\",\"sourceModel\":\"" + model + "\",\"sourceTransform\":\"" + transform
        + "\",\"modelSha256\":\"" + sha + "\"}\n", StandardCharsets.UTF_8);
  }

  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }
}
