package io.tributary.jobs.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.jobs.components.ComponentRegistry;
import io.tributary.jobs.examplegen.ExamplesArtifact;
import io.tributary.jobs.infer.InferenceArtifact;
import io.tributary.jobs.train.ModelArtifact;
import io.tributary.jobs.pipeline.PipelineYaml;
import io.tributary.metadata.MetadataStore;
import io.tributary.metadata.StoreConfig;
import io.tributary.transforms.statistics.DatasetStatistics;
import io.tributary.transforms.statistics.StatisticsJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The penguin pipeline on the embedded Flink and Spark profiles gives what the DirectRunner gives. */
class PenguinPipelineRunnersTest {

  static final Path PIPELINE = Paths.get("../samples/penguin/pipeline.yaml").toAbsolutePath().normalize();

  @TempDir Path home;

  @ParameterizedTest
  @ValueSource(strings = {"flink-local", "spark-local"})
  void sameRowsAndStatisticsAsTheDirectRunner(String profile) throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (MetadataStore store = MetadataStore.open(StoreConfig.inHome(home))) {
      RunSummary run = new Driver(store, ComponentRegistry.standard(), new PrintStream(printed, true, StandardCharsets.UTF_8))
          .run(PipelineYaml.read(PIPELINE, ComponentRegistry.standard()),
              new DriverSettings(home, List.of("--profile=" + profile), false, Set.of()));
      assertTrue(run.succeeded(), printed.toString());
      assertEquals(PipelineYaml.read(PIPELINE, ComponentRegistry.standard()).components().size(), run.steps().size());
      assertPenguinResult(reference -> {
        String[] parts = reference.split("\\.");
        return Path.of(run.step(parts[0]).outputs().get(parts[1]));
      });
    }
  }

  /**
   * What every runner must produce for the penguin pipeline.
   *
   * @param output the folder of an output, named {@code Component.output}
   */
  static void assertPenguinResult(Function<String, Path> output) throws Exception {
    ExamplesArtifact examples = ExamplesArtifact.read(output.apply("ExampleGen.examples"));
    assertEquals(Map.of("train", 210L, "eval", 59L, "test", 75L), examples.splits());
    Path statistics = output.apply("StatisticsGen.statistics");
    DatasetStatistics train = StatisticsJson.read(statistics.resolve("Split-train").resolve(StatisticsJson.FILE_NAME));
    assertEquals(210, train.rowCount());
    assertEquals(209, train.feature("body_mass_g").numNonMissing(), "2 of 344 penguins lack a body mass; 1 of them is in train");
    double accuracy = ModelArtifact.read(output.apply("Trainer.model")).eval().metrics().get("accuracy");
    assertTrue(accuracy >= 0.95, "eval accuracy " + accuracy);
    InferenceArtifact inference = InferenceArtifact.read(output.apply("BulkInferrer.inference_result"));
    assertEquals(59, inference.scored());
    assertEquals(0, inference.deadLetters());
  }
}
