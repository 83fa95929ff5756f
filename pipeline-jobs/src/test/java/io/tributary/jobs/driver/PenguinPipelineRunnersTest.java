package io.tributary.jobs.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.jobs.components.ComponentRegistry;
import io.tributary.jobs.examplegen.ExamplesArtifact;
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
      assertEquals(5, run.steps().size());
      assertPenguinResult(run);
    }
  }

  /** What every runner must produce for the penguin pipeline. */
  static void assertPenguinResult(RunSummary run) throws Exception {
    ExamplesArtifact examples = ExamplesArtifact.read(Path.of(run.step("ExampleGen").outputs().get("examples")));
    assertEquals(Map.of("train", 230L, "eval", 114L), examples.splits());
    Path statistics = Path.of(run.step("StatisticsGen").outputs().get("statistics"));
    DatasetStatistics train = StatisticsJson.read(statistics.resolve("Split-train").resolve(StatisticsJson.FILE_NAME));
    assertEquals(230, train.rowCount());
    assertEquals(229, train.feature("body_mass_g").numNonMissing(), "2 of 344 penguins lack a body mass; 1 of them is in train");
  }
}
