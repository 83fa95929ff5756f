package io.tributary.jobs.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.jobs.components.ComponentRegistry;
import io.tributary.jobs.driver.Driver;
import io.tributary.jobs.driver.DriverSettings;
import io.tributary.jobs.driver.RunSummary;
import io.tributary.jobs.driver.StepResult;
import io.tributary.jobs.pipeline.PipelineDefinition;
import io.tributary.jobs.pipeline.PipelineYaml;
import io.tributary.jobs.testing.CliRun;
import io.tributary.metadata.MetadataStore;
import io.tributary.metadata.StoreConfig;
import io.tributary.transforms.validation.AnomaliesJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code tributary init} then the pipeline it wrote, with the real components on the DirectRunner,
 * for each dataset of the real corpus ({@code ../shared/data}) that suits a model: the written
 * files run with no edit and ExampleGen reads every row.
 *
 * <p>Every run must go through to a blessed, pushed model: the inferred schema raises no false
 * alarm on this clean data (four of the six stopped at ExampleValidator before SchemaGen learned
 * to infer constraints that hold on another sample). birdstrikes.csv is cut to its first 2,000
 * rows to keep the test to tens of seconds.
 */
class InitRealDataTest {

  private static final Path DATA = Paths.get("../../shared/data").toAbsolutePath().normalize();

  @TempDir Path dir;

  @ParameterizedTest(name = "{0} --label={1}")
  @CsvSource({
    // file,                   label,          lines kept, rows
    "penguins.csv,             species,        0,          344",
    "real/seattle-weather.csv, weather,        0,          1461",
    "real/weather.csv,         weather,        0,          2922",
    "real/cars.json,           Origin,         0,          406",
    "real/movies.json,         IMDB Rating,    0,          3201",
    "real/birdstrikes.csv,     Wildlife Size,  2001,       2000",
  })
  void initThenRunNeedsNoEdit(String file, String label, int keepLines, long rows)
      throws IOException {
    Path input = copy(DATA.resolve(file), keepLines);
    Path starter = dir.resolve("starter");
    CliRun init = CliRun.of("init", "--input=" + input, "--label=" + label, "--output=" + starter);
    assertEquals(0, init.exitCode(), init.err());
    assertTrue(init.out().contains("run it: ./tributary run " + starter.resolve("pipeline.yaml")), init.out());

    PipelineDefinition pipeline = PipelineYaml.read(starter.resolve("pipeline.yaml"), ComponentRegistry.standard());
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    Path home = dir.resolve("home");
    try (MetadataStore store = MetadataStore.open(StoreConfig.inHome(home))) {
      RunSummary run = new Driver(store, ComponentRegistry.standard(), new PrintStream(printed, true, StandardCharsets.UTF_8))
          .run(pipeline, new DriverSettings(home, List.of(), false, Set.of()));
      String log = init.out() + printed.toString(StandardCharsets.UTF_8);
      assertEquals(rows, run.step("ExampleGen").rows(), "every row is read: " + log);
      StepResult validator = run.step("ExampleValidator");
      assertTrue(run.succeeded(), anomalies(validator) + log);
      for (StepResult step : run.steps()) {
        assertEquals("COMPLETE", step.state(), step.componentId() + " in " + log);
      }
      assertTrue(Files.exists(Path.of(run.step("Evaluator").outputs().get("blessing")).resolve("BLESSED")),
          "the tuned model beats the majority class or the mean: " + log);
    }
  }

  /** The file, or its first lines, copied where the test may write beside it. */
  private Path copy(Path source, int keepLines) throws IOException {
    Path target = dir.resolve("data").resolve(source.getFileName());
    Files.createDirectories(target.getParent());
    if (keepLines == 0) {
      Files.copy(source, target);
    } else {
      try (Stream<String> lines = Files.lines(source)) {
        Files.write(target, lines.limit(keepLines).toList());
      }
    }
    return target;
  }

  private static String anomalies(StepResult validator) throws IOException {
    if (validator == null || validator.outputs().get("anomalies") == null) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    try (Stream<Path> files = Files.walk(Path.of(validator.outputs().get("anomalies")))) {
      for (Path file : files.filter(f -> f.getFileName().toString().equals("anomalies.json")).sorted().toList()) {
        text.append(file.getParent().getFileName()).append(": ")
            .append(AnomaliesJson.toJson(AnomaliesJson.read(file))).append('\n');
      }
    }
    return text.toString();
  }
}
