package io.tributary.metadata;

import java.util.List;
import java.util.Objects;

/**
 * An artifact to store together with the event that links it to an execution being published.
 *
 * <pre>{@code
 * store.publishExecution(
 *     trainer.withState(ExecutionState.COMPLETE),
 *     List.of(ArtifactAndEvent.input(transformGraph, "transform_graph"),
 *             ArtifactAndEvent.output(model.withState(ArtifactState.LIVE), "model")),
 *     List.of(pipeline, run, component));
 * }</pre>
 */
public record ArtifactAndEvent(Artifact artifact, EventType type, List<String> path) {

  public ArtifactAndEvent {
    Objects.requireNonNull(artifact, "artifact");
    Objects.requireNonNull(type, "type");
    path = List.copyOf(path);
    path.forEach(step -> Names.identifier("event path step", step));
  }

  public static ArtifactAndEvent input(Artifact artifact, String... path) {
    return new ArtifactAndEvent(artifact, EventType.INPUT, List.of(path));
  }

  public static ArtifactAndEvent output(Artifact artifact, String... path) {
    return new ArtifactAndEvent(artifact, EventType.OUTPUT, List.of(path));
  }
}
