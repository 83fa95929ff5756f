package io.tributary.jobs.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.jobs.components.ComponentRegistry;
import io.tributary.jobs.driver.Driver;
import io.tributary.jobs.driver.DriverSettings;
import io.tributary.jobs.driver.RunSummary;
import io.tributary.jobs.options.JobArguments;
import io.tributary.jobs.pipeline.PipelineYaml;
import io.tributary.jobs.serve.LoggedRequests;
import io.tributary.jobs.testing.CliRun;
import io.tributary.jobs.testing.PenguinSample;
import io.tributary.metadata.Artifact;
import io.tributary.metadata.LineageDirection;
import io.tributary.metadata.LineageGraph;
import io.tributary.metadata.MetadataStore;
import io.tributary.metadata.Query;
import io.tributary.metadata.StoreConfig;
import io.tributary.transforms.examples.ExampleFiles;
import io.tributary.transforms.monitor.Alert;
import io.tributary.transforms.monitor.AlertKind;
import io.tributary.transforms.monitor.AlertsJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tributary monitor} over the penguin sample: a pipeline run pushes version 1, two spans of
 * its request log are written as the server writes them — one of held-out penguins, one of the same
 * penguins with flippers 15 mm longer — and the monitor must stay quiet on the first and alert on
 * {@code flipper_length_mm}, and only on it, in the second.
 */
class MonitorJobTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final long CLEAN = 202612070800L;
  private static final long SHIFTED = 202612070900L;

  @TempDir static Path dir;
  private static Path home;
  private static Path logs;
  private static Path serving;

  /** ExampleGen, StatisticsGen, SchemaGen, Transform, Trainer, Evaluator and Pusher of the sample: version 1. */
  @BeforeAll
  static void pushAndLog() throws Exception {
    Path sample = Files.createDirectories(dir.resolve("sample"));
    Path pipelineFile = PenguinSample.copyTo(sample);
    Files.writeString(pipelineFile, String.join("\n",
        "pipeline: penguin",
        "components:",
        "  ExampleGen: {parameters: {input: data/penguins.csv, splitRatios: 'train:3,eval:1,test:1'}}",
        "  StatisticsGen: {inputs: {examples: ExampleGen.examples}}",
        "  SchemaGen: {inputs: {statistics: StatisticsGen.statistics}, parameters: {label: species}}",
        "  Transform: {inputs: {examples: ExampleGen.examples}, parameters: {spec: transform.yaml}}",
        "  Trainer: {inputs: {examples: ExampleGen.examples, transform_graph: Transform.transform_graph},"
            + " parameters: {config: trainer.yaml}}",
        "  Evaluator: {inputs: {examples: ExampleGen.examples, model: Trainer.model,"
            + " transform_graph: Transform.transform_graph}, parameters: {config: evaluation.yaml, evalSplit: test}}",
        "  Pusher: {inputs: {model: Trainer.model, blessing: Evaluator.blessing,"
            + " transform_graph: Transform.transform_graph}, parameters: {modelName: penguin}}",
        ""));
    home = Files.createDirectories(dir.resolve("home"));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    RunSummary run;
    try (MetadataStore store = MetadataStore.open(StoreConfig.inHome(home))) {
      run = new Driver(store, ComponentRegistry.standard(), new PrintStream(printed, true, StandardCharsets.UTF_8))
          .run(PipelineYaml.read(pipelineFile, ComponentRegistry.standard()), new DriverSettings(home, List.of(), false, Set.of()));
    }
    assertTrue(run.succeeded(), printed.toString());
    serving = home.resolve("pipelines/penguin/serving");
    Path examples = Path.of(run.step("ExampleGen").outputs().get("examples"));
    List<Row> heldOut = new ArrayList<>(ExampleFiles.read(examples.resolve("Split-eval")));
    heldOut.addAll(ExampleFiles.read(examples.resolve("Split-test")));
    logs = dir.resolve("logs");
    Path version = serving.resolve("penguin/1");
    LoggedRequests.write(logs, version, "penguin", 1, CLEAN, instances(heldOut, 0), "clean");
    LoggedRequests.write(logs, version, "penguin", 1, SHIFTED, instances(heldOut, 15), "shifted");
    // Ground truth for most requests of both spans, and one label of a request never logged.
    StringBuilder labels = new StringBuilder("request_id,request_instance,species\n");
    for (int i = 0; i < heldOut.size() - 4; i++) {
      labels.append("clean-").append(i).append(",0,").append(heldOut.get(i).getString("species")).append('\n');
      labels.append("shifted-").append(i).append(",0,").append(heldOut.get(i).getString("species")).append('\n');
    }
    labels.append("lost-0,0,Adelie\n");
    Files.writeString(dir.resolve("labels.csv"), labels.toString());
  }

  /** The raw instances a client sends (the label left out), flippers {@code shift} mm longer. */
  private static List<ObjectNode> instances(List<Row> rows, double shift) {
    List<ObjectNode> instances = new ArrayList<>();
    for (Row row : rows) {
      ObjectNode json = MAPPER.createObjectNode();
      for (Schema.Field field : row.getSchema().getFields()) {
        Object value = row.getValue(field.getName());
        if (!field.getName().equals("species")) {
          json.set(field.getName(), MAPPER.valueToTree(field.getName().equals("flipper_length_mm") && value != null
              ? ((Number) value).doubleValue() + shift : value));
        }
      }
      instances.add(json);
    }
    return instances;
  }

  private static MonitorJob.Result monitor(Path output, String... more) {
    List<String> args = new ArrayList<>(List.of("--logDir=" + logs, "--output=" + output, "--home=" + home));
    args.addAll(List.of(more));
    return new MonitorJob(JobArguments.parse(args.toArray(String[]::new), MonitorOptions.class),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run();
  }

  @Test
  void cleanSpanRaisesNothingAndShiftedFlippersRaiseAlertsOnThatFeatureOnly() throws Exception {
    Path output = dir.resolve("monitoring");
    MonitorJob.Result result = monitor(output, "--labels=" + dir.resolve("labels.csv"));

    assertEquals(List.of(CLEAN, SHIFTED), result.spans().stream().map(SpanFindings::span).toList());
    assertEquals(134, result.spans().get(0).rows());
    assertEquals(List.of(), result.spans().get(0).alerts(), "held-out penguins are no alert");
    List<Alert> shifted = result.spans().get(1).alerts();
    List<Alert> onFeatures = shifted.stream().filter(a -> a.kind() != AlertKind.PREDICTION_DRIFT).toList();
    assertFalse(onFeatures.isEmpty());
    assertEquals(Set.of("flipper_length_mm"), Set.copyOf(onFeatures.stream().map(Alert::feature).toList()),
        "only the shifted feature alerts: " + shifted);
    Alert skew = onFeatures.stream().filter(a -> a.kind() == AlertKind.SKEW).findFirst().orElseThrow();
    assertEquals("skew/penguin/1/" + SHIFTED + "/flipper_length_mm", skew.id());
    assertTrue(skew.measured() > skew.threshold(), skew.toString());
    assertTrue(onFeatures.stream().anyMatch(a -> a.kind() == AlertKind.DRIFT), "and it drifted from the clean span");

    AlertsJson.Contents written = AlertsJson.read(output.resolve(AlertsJson.FILE_NAME));
    assertEquals(result.alerts(), written.alerts(), "alerts.json holds every alert, as found");
    assertEquals(List.of(CLEAN, SHIFTED), written.spans());
    String html = Files.readString(output.resolve(MonitorJob.REPORT));
    assertTrue(html.contains("<h3>flipper_length_mm</h3>") && html.contains("alert-mark"));
    assertFalse(html.contains("<script") || html.contains("http://") || html.contains("https://"), "self-contained");

    // Realized accuracy from the joined labels; what matched nothing is counted.
    assertEquals(130, result.spans().get(0).metrics().examples());
    assertTrue(result.spans().get(0).metrics().byName().get("accuracy") > 0.9, result.spans().get(0).metrics().toString());
    assertEquals(Long.valueOf(8), result.labelCounts().get("unmatched_predictions"));
    assertEquals(Long.valueOf(1), result.labelCounts().get("unmatched_labels"));

    try (MetadataStore store = MetadataStore.open(StoreConfig.inHome(home).readOnly())) {
      Artifact pushed = store.findArtifacts(Query.all().withType("PushedModel")).get(0);
      LineageGraph downstream = store.lineage(pushed, LineageDirection.DOWNSTREAM, 2);
      assertTrue(downstream.executions().stream().anyMatch(e -> e.id() == result.executionId() && e.type().equals("Monitor")),
          "the monitoring run reads the pushed version");
      assertTrue(downstream.artifacts().stream().anyMatch(a -> a.type().equals("ModelMonitoring")
          && a.uri().equals(output.toString()) && a.customProperties().get("alerts").asLong() == result.alerts().size()));
      LineageGraph upstream = store.lineage(store.getExecution(result.executionId()), LineageDirection.UPSTREAM, 1);
      assertTrue(upstream.artifacts().stream().anyMatch(a -> a.type().equals("ExampleStatistics")),
          "compared with the training statistics found through lineage");
    }
  }

  @Test
  void oneSpanIsComparedWithThePreviousLoggedSpanAndKeepsItsAlertIds() {
    MonitorJob.Result all = monitor(dir.resolve("all-spans"));
    MonitorJob.Result last = monitor(dir.resolve("last-span"), "--spans=" + SHIFTED);
    assertEquals(List.of(SHIFTED), last.spans().stream().map(SpanFindings::span).toList());
    assertTrue(last.alerts().stream().anyMatch(a -> a.kind() == AlertKind.DRIFT), "drift against the clean span before it");
    assertEquals(all.alerts().stream().map(Alert::id).toList(), last.alerts().stream().map(Alert::id).toList(),
        "the same findings have the same ids in another run");
  }

  @Test
  void aBaselineGivenByHandIsUsedAndTheRunStillLinksToThePushedVersion() throws Exception {
    Path statistics;
    Path schema;
    try (MetadataStore store = MetadataStore.open(StoreConfig.inHome(home).readOnly())) {
      statistics = Path.of(store.findArtifacts(Query.all().withType("ExampleStatistics")).get(0).uri());
      schema = Path.of(store.findArtifacts(Query.all().withType("Schema")).get(0).uri());
    }
    MonitorJob.Result found = monitor(dir.resolve("through-lineage"));
    MonitorJob.Result given = monitor(dir.resolve("by-hand"), "--trainingStatistics=" + statistics, "--schema=" + schema);
    assertEquals(found.alerts(), given.alerts());
    try (MetadataStore store = MetadataStore.open(StoreConfig.inHome(home).readOnly())) {
      LineageGraph inputs = store.lineage(store.getExecution(given.executionId()), LineageDirection.UPSTREAM, 1);
      assertTrue(inputs.artifacts().stream().anyMatch(a -> a.type().equals("PushedModel")), "linked to the version");
      assertTrue(inputs.artifacts().stream().noneMatch(a -> a.type().equals("ExampleStatistics")),
          "the statistics given by hand are no artifact of the store");
    }
    CliRun half = CliRun.of("monitor", "--logDir=" + logs, "--output=" + dir.resolve("x6"), "--home=" + home,
        "--schema=" + schema);
    assertEquals(2, half.exitCode(), half.err());
    assertTrue(half.err().contains("give --trainingStatistics and --schema together"), half.err());
  }

  @Test
  void realizedAccuracyBelowItsThresholdIsAMetricAlert() {
    MonitorJob.Result result = monitor(dir.resolve("strict"), "--labels=" + dir.resolve("labels.csv"),
        "--minAccuracy=0.999");
    List<Alert> metric = result.alerts().stream().filter(a -> a.kind() == AlertKind.METRIC).toList();
    for (Alert alert : metric) {
      assertEquals("metric/penguin/1/" + alert.span() + "/accuracy", alert.id());
      assertTrue(alert.measured() < 0.999, alert.toString());
    }
    List<Long> below = result.spans().stream().filter(s -> s.metrics().byName().get("accuracy") < 0.999)
        .map(SpanFindings::span).toList();
    assertEquals(below, metric.stream().map(Alert::span).toList(), "exactly the spans below the threshold");
    assertFalse(below.isEmpty(), "the model is not perfect on 130 penguins: " + result.spans());
  }

  @Test
  void userMistakesAreOneLineWithExitCodeTwo() throws Exception {
    CliRun unknownVersion = CliRun.of("monitor", "--logDir=" + logs, "--output=" + dir.resolve("x1"), "--home=" + home,
        "--modelVersion=7");
    assertEquals(2, unknownVersion.exitCode(), unknownVersion.err());
    assertTrue(unknownVersion.err().contains("no span") && unknownVersion.err().contains("version 7"), unknownVersion.err());

    Path emptyLogs = Files.createDirectories(dir.resolve("empty-logs/penguin"));
    CliRun noSpans = CliRun.of("monitor", "--logDir=" + emptyLogs.getParent(), "--output=" + dir.resolve("x2"),
        "--home=" + home);
    assertEquals(2, noSpans.exitCode(), noSpans.err());
    assertTrue(noSpans.err().contains("no log spans found"), noSpans.err());

    CliRun noLabel = CliRun.of("monitor", "--logDir=" + logs, "--output=" + dir.resolve("x4"), "--home=" + home,
        "--labels=" + dir.resolve("labels.csv"), "--labelColumn=kind");
    assertEquals(2, noLabel.exitCode(), noLabel.err());
    assertTrue(noLabel.err().contains("has no column 'kind'") && noLabel.err().contains("--labelColumn"), noLabel.err());

    CliRun wrongSpan = CliRun.of("monitor", "--logDir=" + logs, "--output=" + dir.resolve("x5"), "--home=" + home,
        "--spans=2026");
    assertEquals(2, wrongSpan.exitCode(), wrongSpan.err());
    assertTrue(wrongSpan.err().contains("span 2026 holds no requests"), wrongSpan.err());

    CliRun unknownToStore = CliRun.of("monitor", "--logDir=" + logs, "--output=" + dir.resolve("x3"),
        "--home=" + dir.resolve("other-home"));
    assertEquals(2, unknownToStore.exitCode(), unknownToStore.err());
    assertTrue(unknownToStore.err().contains("unknown to the metadata store"), unknownToStore.err());
    assertTrue(unknownToStore.err().lines().findFirst().orElseThrow().startsWith("tributary monitor: model penguin"
        + " version 1 is unknown to the metadata store"), unknownToStore.err());
    assertFalse(Files.exists(dir.resolve("x3")), "nothing written");
  }
}
