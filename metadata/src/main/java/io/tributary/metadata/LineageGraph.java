package io.tributary.metadata;

import java.util.List;

/**
 * The part of the lineage graph reached from one artifact or execution within a hop limit.
 *
 * <p>One hop is one event: artifact to execution or execution to artifact. The upstream lineage
 * of a model within 2 hops is the Trainer execution that wrote it and the Trainer's inputs.
 * Lists are sorted by id; {@code events} holds only events between returned nodes.
 */
public record LineageGraph(
    Node start,
    LineageDirection direction,
    int hops,
    List<Artifact> artifacts,
    List<Execution> executions,
    List<Event> events) {

  public LineageGraph {
    artifacts = List.copyOf(artifacts);
    executions = List.copyOf(executions);
    events = List.copyOf(events);
  }
}
