package io.tributary.jobs.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.jobs.components.ComponentRegistry;
import io.tributary.jobs.pipeline.PipelineYaml;
import io.tributary.metadata.MetadataStore;
import io.tributary.metadata.Query;
import io.tributary.metadata.StoreConfig;
import io.tributary.transforms.validation.Anomalies;
import io.tributary.transforms.validation.AnomaliesJson;
import io.tributary.transforms.validation.AnomalyType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drift across runs: ExampleGen reads the latest span, and the ExampleValidator's {@code
 * baseline_statistics: previousSpan(StatisticsGen.statistics)} finds the statistics the previous
 * run made for the span before, in the metadata store.
 */
class DriftAcrossSpansTest {

  private static final Path PENGUINS = Paths.get("../samples/penguin/data/penguins.csv").toAbsolutePath().normalize();

  @TempDir Path dir;

  @Test
  void theSecondSpanIsComparedWithTheFirstAndItsShiftIsReported() throws Exception {
    Path pipeline = dir.resolve("pipeline.yaml");
    Files.writeString(pipeline, """
        pipeline: spans
        components:
          ExampleGen:
            parameters: {input: "data/span-{SPAN}/penguins.csv", splitRatios: "train:2,eval:1"}
          StatisticsGen:
            inputs: {examples: ExampleGen.examples}
          SchemaGen:
            inputs: {statistics: StatisticsGen.statistics}
            parameters: {label: species}
          ExampleValidator:
            inputs:
              statistics: StatisticsGen.statistics
              schema: SchemaGen.schema
              baseline_statistics: previousSpan(StatisticsGen.statistics)
            parameters: {failOn: never}
        """);
    writeSpan(1, 0);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (MetadataStore store = MetadataStore.open(StoreConfig.inHome(dir.resolve("home")))) {
      Driver driver = new Driver(store, ComponentRegistry.standard(), new PrintStream(printed, true, StandardCharsets.UTF_8));
      DriverSettings settings = new DriverSettings(dir.resolve("home"), List.of(), false, Set.of());
      RunSummary first = driver.run(PipelineYaml.read(pipeline, ComponentRegistry.standard()), settings);
      assertTrue(first.succeeded(), printed.toString());
      assertEquals(0L, anomaliesProperty(store, "drift_compared"), "span 1 has nothing before it");

      writeSpan(2, 2000);   // every penguin 2 kg heavier
      RunSummary second = driver.run(PipelineYaml.read(pipeline, ComponentRegistry.standard()), settings);
      assertTrue(second.succeeded(), printed.toString());
      assertEquals("COMPLETE", second.step("ExampleGen").state(), "the new span is read");
      assertTrue(anomaliesProperty(store, "drift_compared") > 0, printed.toString());
      Anomalies eval = AnomaliesJson.read(Path.of(second.step("ExampleValidator").outputs().get("anomalies"))
          .resolve("Split-eval/anomalies.json"));
      List<String> drifted = eval.ofType(AnomalyType.DRIFT).stream().map(a -> a.feature()).distinct().toList();
      assertEquals(List.of("body_mass_g"), drifted, "only the shifted feature drifts");
      assertFalse(eval.distances().isEmpty(), "every compared feature's distance is reported");
    }
  }

  /** The newest ExampleAnomalies artifact's property. */
  private static long anomaliesProperty(MetadataStore store, String name) {
    return store.findArtifacts(Query.all().withType("ExampleAnomalies")).get(0).property(name).asLong();
  }

  /** The penguin file as span {@code span}, with {@code grams} added to every body mass. */
  private void writeSpan(int span, int grams) throws Exception {
    List<String> lines = Files.readAllLines(PENGUINS);
    int mass = List.of(lines.get(0).split(",")).indexOf("body_mass_g");
    List<String> shifted = new ArrayList<>(List.of(lines.get(0)));
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.split(",", -1);
      if (!fields[mass].equals("NA")) {
        fields[mass] = String.valueOf(Integer.parseInt(fields[mass]) + grams);
      }
      shifted.add(String.join(",", fields));
    }
    Path file = dir.resolve("data/span-" + span + "/penguins.csv");
    Files.createDirectories(file.getParent());
    Files.write(file, shifted);
  }
}
