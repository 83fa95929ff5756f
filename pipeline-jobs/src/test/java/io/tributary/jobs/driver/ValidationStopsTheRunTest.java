package io.tributary.jobs.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.jobs.components.ComponentRegistry;
import io.tributary.jobs.pipeline.PipelineYaml;
import io.tributary.metadata.Artifact;
import io.tributary.metadata.ArtifactState;
import io.tributary.metadata.MetadataStore;
import io.tributary.metadata.Query;
import io.tributary.metadata.StoreConfig;
import io.tributary.transforms.validation.AnomaliesJson;
import io.tributary.transforms.validation.AnomalyType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A curated schema that the eval data breaks: ExampleValidator records its anomalies and stops
 * the run before Transform, whose results would be built on bad data.
 */
class ValidationStopsTheRunTest {

  private static final Path PENGUINS = Paths.get("../samples/penguin/data/penguins.csv").toAbsolutePath().normalize();

  @TempDir Path dir;

  /**
   * Runs the gated pipeline in {@code dir} (its home and root): the curated schema knows only two
   * islands, so the eval split's Torgersen rows are unexpected values and ExampleValidator stops
   * the run before Transform.
   */
  static RunSummary runGatedPipeline(Path dir, MetadataStore store, PrintStream out) throws Exception {
    // The curated schema knows only two islands: Torgersen rows are unexpected values.
    Files.writeString(dir.resolve("schema.json"), """
        {"formatVersion": 1, "features": [
          {"name": "species", "type": "STRING"},
          {"name": "island", "type": "STRING", "domain": ["Biscoe", "Dream"]},
          {"name": "bill_length_mm", "type": "FLOAT", "minFraction": 0.9},
          {"name": "bill_depth_mm", "type": "FLOAT", "minFraction": 0.9},
          {"name": "flipper_length_mm", "type": "INT", "minFraction": 0.9},
          {"name": "body_mass_g", "type": "INT", "minFraction": 0.9},
          {"name": "sex", "type": "STRING", "minFraction": 0.9},
          {"name": "year", "type": "INT"}]}
        """);
    Files.writeString(dir.resolve("pipeline.yaml"), """
        pipeline: gated
        components:
          ExampleGen:
            parameters: {input: %s}
          StatisticsGen:
            inputs: {examples: ExampleGen.examples}
          SchemaGen:
            inputs: {statistics: StatisticsGen.statistics}
            parameters: {schema: schema.json}
          ExampleValidator:
            inputs: {statistics: StatisticsGen.statistics, schema: SchemaGen.schema}
          Transform:
            inputs: {examples: ExampleGen.examples}
            parameters: {spec: %s}
        """.formatted(PENGUINS, PENGUINS.resolveSibling("../transform.yaml").normalize()));
    return new Driver(store, ComponentRegistry.standard(), out)
        .run(PipelineYaml.read(dir.resolve("pipeline.yaml"), ComponentRegistry.standard()),
            new DriverSettings(dir, List.of(), false, Set.of()));
  }

  @Test
  void anomaliesAtFailOnStopTheRunAndTheReportStays() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (MetadataStore store = MetadataStore.open(StoreConfig.inHome(dir))) {
      RunSummary run = runGatedPipeline(dir, store, new PrintStream(printed, true, StandardCharsets.UTF_8));
      assertFalse(run.succeeded());
      assertEquals(List.of("ExampleGen", "StatisticsGen", "SchemaGen", "ExampleValidator"),
          run.steps().stream().map(StepResult::componentId).toList(), "Transform never ran");
      StepResult validator = run.step("ExampleValidator");
      assertEquals("COMPLETE", validator.state());
      assertTrue(validator.stopped());
      assertEquals(StepResult.STOPPED, validator.shownState());
      assertTrue(validator.error().startsWith("stops the run: "), validator.error());
      assertTrue(validator.error().contains("Each anomaly says how to accept or fix it: to accept, edit a copy of "),
          validator.error());
      assertTrue(validator.error().endsWith("schema.json and give it to SchemaGen as parameter 'schema: COPY'."),
          validator.error());
      Path anomalies = Path.of(validator.outputs().get("anomalies"));
      String page = Files.readString(anomalies.resolve("anomalies.html"));
      assertTrue(page.contains(
          "<title>gated · ExampleValidator · execution " + validator.executionId() + " — anomalies of eval, train</title>"),
          "the report's title names the pipeline, the component, its execution and the splits: "
              + page.substring(0, Math.min(page.length(), 300)));
      StepResult statistics = run.step("StatisticsGen");
      assertTrue(Files.readString(Path.of(statistics.outputs().get("statistics")).resolve("statistics.html")).contains(
          "<h1>gated · StatisticsGen · execution " + statistics.executionId() + " — statistics of train, eval</h1>"));
      var eval = AnomaliesJson.read(anomalies.resolve("Split-eval/anomalies.json"));
      assertTrue(eval.ofType(AnomalyType.UNEXPECTED_VALUES).stream().anyMatch(a -> "island".equals(a.feature())),
          AnomaliesJson.toJson(eval));
      Artifact recorded = store.findArtifacts(Query.all().withType("ExampleAnomalies")).get(0);
      assertEquals(ArtifactState.LIVE, recorded.state(), "the report that explains the stop is kept");
      assertTrue(printed.toString(StandardCharsets.UTF_8).contains("[run] gated STOPPED by ExampleValidator in "), printed.toString());
    }
  }
}
