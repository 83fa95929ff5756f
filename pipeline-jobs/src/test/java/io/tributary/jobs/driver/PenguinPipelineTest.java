package io.tributary.jobs.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.jobs.components.ComponentRegistry;
import io.tributary.jobs.pipeline.PipelineDefinition;
import io.tributary.jobs.pipeline.PipelineYaml;
import io.tributary.metadata.Artifact;
import io.tributary.metadata.LineageDirection;
import io.tributary.metadata.MetadataStore;
import io.tributary.metadata.StoreConfig;
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

/** The shipped penguin pipeline file, run twice with the real components on the DirectRunner. */
class PenguinPipelineTest {

  private static final Path PIPELINE = Paths.get("../samples/penguin/pipeline.yaml").toAbsolutePath().normalize();

  @TempDir Path home;

  @Test
  void firstRunExecutesEverythingSecondIsCachedAndLineageReachesTheCsv() throws Exception {
    PipelineDefinition penguin = PipelineYaml.read(PIPELINE, ComponentRegistry.standard());
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (MetadataStore store = MetadataStore.open(StoreConfig.inHome(home))) {
      Driver driver = new Driver(store, ComponentRegistry.standard(), new PrintStream(printed, true, StandardCharsets.UTF_8));
      DriverSettings settings = new DriverSettings(home, List.of(), false, Set.of());
      RunSummary first = driver.run(penguin, settings);
      assertEquals(List.of("COMPLETE", "COMPLETE"), first.steps().stream().map(StepResult::state).toList(), printed.toString());
      Path statistics = Path.of(first.step("StatisticsGen").outputs().get("statistics"));
      assertTrue(Files.exists(statistics.resolve("Split-train/statistics.json")));
      assertTrue(Files.exists(statistics.resolve("statistics.html")));

      RunSummary second = driver.run(penguin, settings);
      assertEquals(List.of("CACHED", "CACHED"), second.steps().stream().map(StepResult::state).toList());
      assertTrue(second.seconds() < first.seconds() / 5,
          "cached run " + second.seconds() + " s vs first " + first.seconds() + " s");

      Artifact examples = store.findArtifacts(io.tributary.metadata.Query.all().withType("Examples")).get(0);
      assertEquals(344L, examples.customProperties().get("rows").asLong());
      var lineage = store.lineage(store.findArtifacts(io.tributary.metadata.Query.all().withType("ExampleStatistics")).get(0),
          LineageDirection.UPSTREAM, 5);
      assertTrue(lineage.artifacts().stream().anyMatch(a -> a.id() == examples.id()), "statistics come from the examples");
    }
  }
}
