package io.tributary.jobs.monitor;

import io.tributary.jobs.artifacts.ArtifactJson;
import io.tributary.jobs.artifacts.StagedOutput;
import io.tributary.jobs.evaluate.SliceMetrics;
import io.tributary.jobs.evaluate.WriteSliceMetrics;
import io.tributary.jobs.examplegen.ExampleSplits;
import io.tributary.jobs.execution.Progress;
import io.tributary.jobs.options.UsageException;
import io.tributary.jobs.validation.ValidateJob;
import io.tributary.jobs.serve.LogSpan;
import io.tributary.metadata.Artifact;
import io.tributary.metadata.Execution;
import io.tributary.metadata.MetadataStore;
import io.tributary.metadata.StoreConfig;
import io.tributary.metadata.WellKnownTypes;
import io.tributary.transforms.evaluate.Metrics;
import io.tributary.transforms.model.ModelDescriptor;
import io.tributary.transforms.model.ModelFolder;
import io.tributary.transforms.monitor.Alert;
import io.tributary.transforms.monitor.AlertsJson;
import io.tributary.transforms.monitor.GroundTruth;
import io.tributary.transforms.monitor.SpanCheck;
import io.tributary.transforms.schema.DatasetSchema;
import io.tributary.transforms.statistics.DatasetStatistics;
import io.tributary.transforms.statistics.StatisticsJson;
import io.tributary.transforms.validation.AnomaliesJson;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code tributary monitor}: watches one served model version over its request log spans. Per
 * span: statistics of the served inputs (StatisticsGen's transform), validation against the
 * training schema in the SERVING environment, training–serving skew against the statistics of the
 * data the version was trained on (found through lineage, {@link TrainingBaseline}), drift against
 * the previous span, prediction drift, and realized metrics where labels were joined. Writes:
 *
 * <pre>
 * out/
 *   alerts.json                       one entry per alert, stable ids ({@link AlertsJson})
 *   monitoring.html                   a time series per feature: distance per span, threshold, alerts
 *   spans/&lt;span&gt;/statistics.json    the span's statistics (every logged column)
 *   spans/&lt;span&gt;/anomalies.json     the served inputs' anomalies and distances
 *   spans/&lt;span&gt;/prediction_drift.json, metrics.json   when measured
 * </pre>
 *
 * <p>and records the run in the metadata store, linked to the version it watched ({@link MonitorRecord}).
 */
public final class MonitorJob {

  public static final String REPORT = "monitoring.html";

  /** What a run found and where it went. */
  public record Result(Path output, List<Alert> alerts, List<SpanFindings> spans, Map<String, Long> labelCounts,
      long executionId) {}

  private final MonitorOptions options;
  private final Progress progress;

  public MonitorJob(MonitorOptions options, PrintStream out) {
    this.options = options;
    this.progress = new Progress("monitor", out);
  }

  public Result run() {
    LoggedSpans log = LoggedSpans.read(Path.of(options.getLogDir()).toAbsolutePath().normalize(), options.getModel());
    long version = options.getModelVersion() != null ? options.getModelVersion() : log.newestVersion();
    List<Long> ofVersion = log.spansOf(version);
    if (ofVersion.isEmpty()) {
      throw new UsageException("no span in " + log.folder() + " holds requests of " + log.model() + " version " + version
          + " (versions logged: " + log.versions().values().stream().flatMap(java.util.Set::stream).distinct().sorted().toList()
          + "): check --modelVersion");
    }
    List<Long> watched = selectSpans(ofVersion);
    int first = ofVersion.indexOf(watched.get(0));
    List<Long> scanned = new ArrayList<>(watched);
    if (first > 0 && !watched.contains(ofVersion.get(first - 1))) {
      scanned.add(0, ofVersion.get(first - 1));   // the baseline of the first span's drift
    }
    try (MetadataStore store = MetadataStore.open(storeConfig())) {
      WellKnownTypes.registerAll(store);
      TrainingBaseline baseline = baseline(store, log.model(), version);
      ModelDescriptor model = descriptor(baseline, log.model(), version);
      DatasetSchema schema = ValidateJob.readSchema(baseline.schemaPath());
      if (!schema.environments().contains(DatasetSchema.SERVING)) {
        throw new UsageException("the schema " + baseline.schemaPath() + " has no SERVING environment (it has "
            + schema.environments() + "): add \"SERVING\" to its \"environments\"");
      }
      DatasetStatistics training = readStatistics(
          ExampleSplits.folder(baseline.statisticsPath(), options.getTrainingSplit()).resolve(StatisticsJson.FILE_NAME));
      progress.say(log.model() + " version " + version + ": spans " + watched + "; training data "
          + baseline.statisticsPath() + (baseline.pushedModel() != null ? " (found through lineage from push "
          + baseline.pushedModel().id() + ")" : " (given)"));
      SpanPipeline.Labels labels = labels(model);
      StagedOutput out = StagedOutput.begin(Path.of(options.getOutput()), options.getOverwrite());
      try {
        SpanPipeline.Outcome outcome = SpanPipeline.run(options, log, version, scanned, labels, model, out.staging(), progress);
        if (labels != null) {
          progress.say("labels: " + outcome.joinCounts().getOrDefault("matched", 0L) + " joined, "
              + outcome.joinCounts().getOrDefault("unmatched_predictions", 0L) + " predictions without a label, "
              + outcome.joinCounts().getOrDefault("unmatched_labels", 0L) + " labels without a logged prediction");
        }
        Map<Long, Metrics> metrics = labels == null ? Map.of() : metricsBySpan(out.staging().resolve("metrics"));
        if (Files.isDirectory(out.staging().resolve("metrics"))) {
          StagedOutput.deleteTree(out.staging().resolve("metrics"));   // each span's metrics.json holds them
        }
        List<SpanFindings> findings = new ArrayList<>();
        DatasetStatistics previous = null;
        DatasetSchema served = null;
        for (long span : scanned) {
          Path folder = out.staging().resolve("spans").resolve(Long.toString(span));
          DatasetStatistics current = readStatistics(folder.resolve(StatisticsJson.FILE_NAME));
          served = served != null ? served : logged(schema, current);
          if (watched.contains(span)) {
            SpanCheck check = SpanCheck.of(log.model(), version, span, served, training, previous, current,
                outcome.columnNames());
            SpanFindings found = SpanFindings.of(log.model(), version, check, metrics.get(span),
                new SpanFindings.MetricThresholds(options.getMinAccuracy(), options.getMaxRmse()));
            write(found, folder);
            findings.add(found);
            progress.say("span " + span + ": " + found.rows() + " requests, " + found.alerts().size() + " alert(s)"
                + realized(found.metrics()));
          }
          previous = current;
        }
        List<Alert> alerts = findings.stream().flatMap(f -> f.alerts().stream()).toList();
        AlertsJson.write(new AlertsJson.Contents(log.model(), version, watched, alerts),
            out.staging().resolve(AlertsJson.FILE_NAME));
        MonitoringReport.write(out.staging().resolve(REPORT), log.model(), version, served, outcome.columnNames(),
            findings, outcome.joinCounts());
        out.publish();
        alerts.forEach(a -> progress.say("ALERT " + a.line()));
        Execution execution = MonitorRecord.record(store, baseline, new MonitorRecord.Run(log.model(), version,
            watched.stream().map(s -> log.folder().resolve(LogSpan.folder(s))).toList(), watched,
            options.getLabels(), out.target(), alerts.size()));
        progress.say(String.format("%d alert(s) in %d span(s) in %.1f s; recorded as execution %d; report: %s",
            alerts.size(), watched.size(), progress.elapsedSeconds(), execution.id(), out.target().resolve(REPORT)));
        return new Result(out.target(), alerts, findings, outcome.joinCounts(), execution.id());
      } catch (IOException e) {
        out.abandon();
        throw new UncheckedIOException(e);
      } catch (RuntimeException e) {
        out.abandon();
        throw e;
      }
    }
  }

  private List<Long> selectSpans(List<Long> ofVersion) {
    if (options.getSpans() == null || options.getSpans().isEmpty()) {
      return ofVersion;
    }
    List<Long> chosen = new ArrayList<>();
    for (String text : options.getSpans()) {
      long span;
      try {
        span = Long.parseLong(text.trim());
      } catch (NumberFormatException e) {
        throw new UsageException("--spans=" + text + ": give span numbers yyyyMMddHHmm, e.g. 202612072000");
      }
      if (!ofVersion.contains(span)) {
        throw new UsageException("--spans: span " + span + " holds no requests of this version; spans that do: " + ofVersion);
      }
      chosen.add(span);
    }
    return chosen.stream().distinct().sorted().toList();
  }

  private StoreConfig storeConfig() {
    if (options.getHome() != null && options.getMetadataUrl() != null) {
      throw new UsageException("give either --home or --metadataUrl, not both");
    }
    return options.getMetadataUrl() != null ? StoreConfig.url(options.getMetadataUrl())
        : StoreConfig.inHome(options.getHome() != null ? Path.of(options.getHome()) : StoreConfig.defaultHome(System.getenv()));
  }

  /** Through lineage from the pushed version, unless both overrides are given. */
  private TrainingBaseline baseline(MetadataStore store, String model, long version) {
    Path servingDir = options.getModels() == null ? null : Path.of(options.getModels());
    boolean statistics = options.getTrainingStatistics() != null;
    if (statistics != (options.getSchema() != null)) {
      throw new UsageException("give --trainingStatistics and --schema together (or neither, to find both through lineage)");
    }
    var pushed = TrainingBaseline.pushed(store, model, version, servingDir);
    if (statistics) {
      Artifact push = pushed.orElse(null);
      Artifact modelArtifact = push == null ? null : store.getArtifact(push.property(WellKnownTypes.MODEL_ID).asLong());
      return new TrainingBaseline(push, modelArtifact, null, null, Path.of(options.getTrainingStatistics()),
          Path.of(options.getSchema()));
    }
    return TrainingBaseline.of(store, pushed.orElseThrow(() -> new UsageException("model " + model + " version " + version
        + " is unknown to the metadata store " + store.config().url() + ": no pipeline run recorded pushing it;"
        + " give the store that did (--home or --metadataUrl), or --trainingStatistics and --schema")));
  }

  /** The model's descriptor (label, task): from the recorded model, else from the serving directory. */
  private ModelDescriptor descriptor(TrainingBaseline baseline, String model, long version) {
    if (baseline.model() != null) {
      return ModelFolder.readDescriptor(baseline.model().uri());
    }
    if (options.getModels() != null) {
      return ModelFolder.readDescriptor(Path.of(options.getModels()).resolve(model).resolve(Long.toString(version)).toString());
    }
    return null;
  }

  private SpanPipeline.Labels labels(ModelDescriptor model) {
    if (options.getLabels() == null) {
      return null;
    }
    String column = options.getLabelColumn() != null ? options.getLabelColumn() : model == null ? null : model.label();
    if (model == null) {
      throw new UsageException("--labels: the model's task is unknown (no push recorded): give --models, the serving directory");
    }
    List<String> columns = SpanPipeline.labelColumns(options.getLabels());
    List<String> key = options.getLabelKey();
    if (key == null || key.isEmpty()) {
      key = columns.contains(GroundTruth.REQUEST_KEY.get(1)) ? GroundTruth.REQUEST_KEY : GroundTruth.REQUEST_KEY.subList(0, 1);
    }
    List<String> needed = new ArrayList<>(key);
    needed.add(column);
    for (String name : needed) {
      if (!columns.contains(name)) {
        throw new UsageException("--labels=" + options.getLabels() + " has no column '" + name + "' (columns: " + columns
            + "): name the label with --labelColumn and the key with --labelKey");
      }
    }
    return new SpanPipeline.Labels(options.getLabels(), key, column);
  }

  /** {@code ", accuracy 0.97 on 120 labelled"}, or nothing without labels. */
  private static String realized(Metrics metrics) {
    if (metrics == null) {
      return "";
    }
    String name = metrics.byName().containsKey("accuracy") ? "accuracy" : "rmse";
    return String.format(java.util.Locale.ROOT, ", %s %.4g on %d labelled", name, metrics.byName().get(name),
        metrics.examples());
  }

  private static Map<Long, Metrics> metricsBySpan(Path folder) throws IOException {
    Map<Long, Metrics> bySpan = new HashMap<>();
    if (Files.isDirectory(folder)) {
      for (SliceMetrics slice : WriteSliceMetrics.read(folder)) {
        if (!slice.values().isEmpty()) {
          bySpan.put(Long.parseLong(slice.values().get(0)), slice.metrics());
        }
      }
    }
    return bySpan;
  }

  private static void write(SpanFindings found, Path folder) throws IOException {
    AnomaliesJson.write(found.served(), folder.resolve(AnomaliesJson.FILE_NAME));
    if (found.predictionDrift() != null) {
      AnomaliesJson.write(found.predictionDrift(), folder.resolve("prediction_drift.json"));
    }
    if (found.metrics() != null) {
      ArtifactJson.write(folder.resolve("metrics.json"), found.metrics());
    }
  }

  /**
   * The training schema without the features the request log does not hold: the server logs only
   * the columns the version's transform reads, so a column the model ignores (or the label) is not
   * served data, and its absence is no anomaly.
   */
  private DatasetSchema logged(DatasetSchema schema, DatasetStatistics span) {
    java.util.Set<String> columns = new java.util.HashSet<>();
    span.overall().features().forEach(f -> columns.add(f.name()));
    List<io.tributary.transforms.schema.FeatureSchema> kept = schema.features().stream()
        .filter(f -> columns.contains(f.name())).toList();
    List<String> left = schema.features().stream().map(f -> f.name()).filter(f -> !columns.contains(f)).toList();
    if (!left.isEmpty()) {
      progress.say("not in the request log, so not watched (the model does not read them, or the label): " + left);
    }
    return schema.toBuilder().setFeatures(kept).build();
  }

  private static DatasetStatistics readStatistics(Path file) {
    try {
      return StatisticsJson.read(file);
    } catch (IOException e) {
      throw new UsageException("cannot read the statistics " + file + ": " + e.getMessage());
    }
  }
}
