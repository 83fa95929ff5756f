package io.tributary.jobs.monitor;

import io.tributary.metadata.Artifact;
import io.tributary.metadata.ArtifactAndEvent;
import io.tributary.metadata.ArtifactState;
import io.tributary.metadata.Context;
import io.tributary.metadata.Execution;
import io.tributary.metadata.ExecutionState;
import io.tributary.metadata.MetadataStore;
import io.tributary.metadata.NodeType;
import io.tributary.metadata.Query;
import io.tributary.metadata.TypeKind;
import io.tributary.metadata.Value;
import io.tributary.metadata.WellKnownTypes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Records a monitoring run in the metadata store as a {@value #EXECUTION_TYPE} execution: its
 * inputs are the watched version's {@code PushedModel} and {@code Model}, the training statistics
 * and schema it compared with, and each log span folder (and the labels) as an {@code
 * ExternalFile}; its output is a {@value #ARTIFACT_TYPE} artifact, the output folder. It is
 * associated with the pipeline context of the pushed model, so {@code tributary metadata lineage
 * <pushed model> --downstream} reaches it, and a later retraining run can be linked to its alerts.
 */
final class MonitorRecord {

  static final String EXECUTION_TYPE = "Monitor";
  static final String ARTIFACT_TYPE = "ModelMonitoring";

  private MonitorRecord() {}

  /** The run's facts, as recorded. */
  record Run(String model, long version, List<Path> spanFolders, List<Long> spans, String labels, Path output,
      int alerts) {}

  static Execution record(MetadataStore store, TrainingBaseline baseline, Run run) {
    WellKnownTypes.registerAll(store);
    store.registerType(NodeType.execution(EXECUTION_TYPE));
    store.registerType(NodeType.artifact(ARTIFACT_TYPE));
    List<ArtifactAndEvent> events = new ArrayList<>();
    addInput(events, baseline.pushedModel(), "pushed_model");
    addInput(events, baseline.model(), "model");
    addInput(events, baseline.statistics(), "training_statistics");
    addInput(events, baseline.schema(), "schema");
    for (int i = 0; i < run.spanFolders().size(); i++) {
      events.add(ArtifactAndEvent.input(externalFile(store, run.spanFolders().get(i).toString()), "span-" + i));
    }
    if (run.labels() != null) {
      events.add(ArtifactAndEvent.input(externalFile(store, run.labels()), "labels"));
    }
    String spans = String.join(",", run.spans().stream().map(String::valueOf).toList());
    String uri = run.output().toAbsolutePath().normalize().toString();
    // --overwrite replaced the folder an earlier run recorded: that record no longer describes it.
    store.findArtifacts(Query.all().withType(ARTIFACT_TYPE).withUri(uri).withState(ArtifactState.LIVE))
        .forEach(replaced -> store.putArtifact(replaced.withState(ArtifactState.DELETED)));
    Artifact output = Artifact.of(ARTIFACT_TYPE, uri)
        .withState(ArtifactState.LIVE)
        .withCustomProperty("model_name", Value.of(run.model()))
        .withCustomProperty("model_version", Value.of(run.version()))
        .withCustomProperty("spans", Value.of(spans))
        .withCustomProperty("alerts", Value.of(run.alerts()));
    events.add(ArtifactAndEvent.output(output, "monitoring"));
    Execution execution = Execution.of(EXECUTION_TYPE).withState(ExecutionState.COMPLETE)
        .withCustomProperty("model_name", Value.of(run.model()))
        .withCustomProperty("model_version", Value.of(run.version()))
        .withCustomProperty("spans", Value.of(spans))
        .withCustomProperty("alerts", Value.of(run.alerts()));
    return store.publishExecution(execution, events, pipelineContexts(store, baseline)).execution();
  }

  private static void addInput(List<ArtifactAndEvent> events, Artifact artifact, String name) {
    if (artifact != null) {
      events.add(ArtifactAndEvent.input(artifact, name));
    }
  }

  /** The LIVE ExternalFile recorded for {@code uri}, or a new one (as the driver records raw inputs). */
  private static Artifact externalFile(MetadataStore store, String uri) {
    return store.findArtifacts(Query.all().withType(WellKnownTypes.EXTERNAL_FILE).withUri(uri)
            .withState(ArtifactState.LIVE).limit(1)).stream().findFirst()
        .orElseGet(() -> store.putArtifact(Artifact.of(WellKnownTypes.EXTERNAL_FILE, uri).withState(ArtifactState.LIVE)));
  }

  /** The pipeline contexts of the watched push (or model): where "latest" questions find the monitoring. */
  private static List<Context> pipelineContexts(MetadataStore store, TrainingBaseline baseline) {
    Artifact anchor = baseline.pushedModel() != null ? baseline.pushedModel() : baseline.model();
    if (anchor == null) {
      return List.of();
    }
    return store.contextsOf(TypeKind.ARTIFACT, anchor.id()).stream()
        .filter(c -> c.type().equals(WellKnownTypes.PIPELINE))
        .toList();
  }
}
