package io.tributary.jobs.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.jobs.components.ComponentRegistry;
import io.tributary.jobs.pipeline.PipelineDefinition;
import io.tributary.jobs.pipeline.PipelineYaml;
import io.tributary.jobs.testing.PenguinSample;
import io.tributary.metadata.Artifact;
import io.tributary.metadata.LineageDirection;
import io.tributary.metadata.MetadataStore;
import io.tributary.metadata.StoreConfig;
import io.tributary.transforms.transform.TransformFnFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped penguin pipeline file, run with the real components on the DirectRunner. */
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
      assertEquals(every(penguin, "COMPLETE"), states(first), printed.toString());
      Path statistics = Path.of(first.step("StatisticsGen").outputs().get("statistics"));
      assertTrue(Files.exists(statistics.resolve("Split-train/statistics.json")));
      assertTrue(Files.exists(statistics.resolve("statistics.html")));
      Path graph = Path.of(first.step("Transform").outputs().get("transform_graph"));
      Path transformed = Path.of(first.step("Transform").outputs().get("transformed_examples"));
      assertEquals(210, TransformFnFiles.read(graph.toString()).numExamples(), "fitted on the train split");
      assertTrue(Files.exists(transformed.resolve("Split-eval/schema.avsc")));
      assertTrue(Files.exists(transformed.resolve("post_transform_statistics/Split-eval/statistics.json")));

      Path model = Path.of(first.step("Trainer").outputs().get("model"));
      double accuracy = store.findArtifacts(io.tributary.metadata.Query.all().withType("Model")).get(0)
          .property("eval_accuracy").asDouble();
      assertTrue(accuracy >= 0.95, "default classifier eval accuracy " + accuracy);
      assertTrue(Files.exists(model.resolve("model.pb")));
      assertEquals(59L, first.step("BulkInferrer").rows(), "the eval split is scored");
      assertEquals(model.toString(), store.latestBlessedModel("penguin").orElseThrow().uri(),
          "the sample thresholds bless the sample model");
      Path pushed = home.resolve("pipelines/penguin/serving/penguin/1");
      assertTrue(Files.exists(pushed.resolve("model.pb")) && Files.exists(pushed.resolve("transform/transform_fn.json")),
          "the blessed model is pushed as version 1");
      Artifact pushedModel = store.findArtifacts(io.tributary.metadata.Query.all().withType("PushedModel")).get(0);
      List<String> chain = store.lineage(pushedModel, LineageDirection.UPSTREAM, 12).executions().stream()
          .map(e -> e.type()).distinct().sorted().toList();
      assertEquals(List.of("Evaluator", "ExampleGen", "InfraValidator", "Pusher", "Trainer", "Transform", "Tuner"), chain,
          "the pushed model's lineage holds every step that made it");
      assertTrue(store.lineage(pushedModel, LineageDirection.UPSTREAM, 12).artifacts().stream()
          .anyMatch(a -> a.type().equals("ExternalFile") && a.uri().endsWith("penguins.csv")), "and reaches the CSV");

      RunSummary second = driver.run(penguin, settings);
      assertEquals(every(penguin, "CACHED"), states(second));
      assertTrue(second.seconds() < first.seconds() / 5,
          "cached run " + second.seconds() + " s vs first " + first.seconds() + " s");

      // Transform's output is Examples too: pick ExampleGen's.
      Artifact examples = store.findArtifacts(io.tributary.metadata.Query.all().withType("Examples")).stream()
          .filter(a -> a.uri().contains("/ExampleGen/")).findFirst().orElseThrow();
      assertEquals(344L, examples.customProperties().get("rows").asLong());
      var lineage = store.lineage(store.findArtifacts(io.tributary.metadata.Query.all().withType("ExampleStatistics")).get(0),
          LineageDirection.UPSTREAM, 5);
      assertTrue(lineage.artifacts().stream().anyMatch(a -> a.id() == examples.id()), "statistics come from the examples");
      var graphLineage = store.lineage(store.findArtifacts(io.tributary.metadata.Query.all().withType("TransformGraph")).get(0),
          LineageDirection.UPSTREAM, 5);
      assertTrue(graphLineage.artifacts().stream().anyMatch(a -> a.id() == examples.id()), "the transform comes from the examples");
      Artifact scored = store.findArtifacts(io.tributary.metadata.Query.all().withType("InferenceResult")).get(0);
      List<String> origins = store.lineage(scored, LineageDirection.UPSTREAM, 12).artifacts().stream()
          .filter(a -> a.type().equals("ExternalFile")).map(Artifact::uri).toList();
      assertEquals(List.of(PIPELINE.resolveSibling("data/penguins.csv").toString()), origins,
          "lineage reaches from the predictions back to the CSV");
      assertEquals(1, store.findArtifacts(io.tributary.metadata.Query.all().withType("ExternalFile")).size(),
          "the CSV is recorded once, though read by two runs");
    }
  }

  @Test
  void editingTheTransformSpecReRunsTransformAndNothingUpstream(@TempDir Path copy) throws Exception {
    Path pipelineFile = PenguinSample.copyTo(copy);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (MetadataStore store = MetadataStore.open(StoreConfig.inHome(home))) {
      Driver driver = new Driver(store, ComponentRegistry.standard(), new PrintStream(printed, true, StandardCharsets.UTF_8));
      DriverSettings settings = new DriverSettings(home, List.of(), false, Set.of());
      PipelineDefinition pipeline = PipelineYaml.read(pipelineFile, ComponentRegistry.standard());
      RunSummary first = driver.run(pipeline, settings);
      assertEquals(every(pipeline, "COMPLETE"), states(first), printed.toString());

      // Same path, same parameters: only the file's content changes (one more OOV bucket for island).
      Path spec = copy.resolve("transform.yaml");
      Files.writeString(spec, Files.readString(spec).replaceFirst("oovBuckets: 1", "oovBuckets: 2"));
      RunSummary second = driver.run(PipelineYaml.read(pipelineFile, ComponentRegistry.standard()), settings);
      Map<String, String> expected = every(pipeline, "COMPLETE");
      List.of("ExampleGen", "StatisticsGen", "SchemaGen", "ExampleValidator").forEach(id -> expected.put(id, "CACHED"));
      assertEquals(expected, states(second), "Transform and what reads its outputs re-run: " + printed);
      Path graph = Path.of(second.step("Transform").outputs().get("transform_graph"));
      assertEquals(5, TransformFnFiles.read(graph.toString()).constants("island_onehot").get(0).size(),
          "3 islands + 2 OOV buckets: the new spec was fitted");
    }
  }

  /** Component id to state, in run order. */
  private static Map<String, String> states(RunSummary run) {
    Map<String, String> states = new LinkedHashMap<>();
    run.steps().forEach(step -> states.put(step.componentId(), step.state()));
    return states;
  }

  private static Map<String, String> every(PipelineDefinition pipeline, String state) {
    Map<String, String> states = new LinkedHashMap<>();
    pipeline.components().forEach(c -> states.put(c.id(), state));
    return states;
  }
}
