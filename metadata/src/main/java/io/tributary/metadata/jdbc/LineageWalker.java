package io.tributary.metadata.jdbc;

import io.tributary.metadata.Artifact;
import io.tributary.metadata.Event;
import io.tributary.metadata.EventType;
import io.tributary.metadata.Execution;
import io.tributary.metadata.LineageDirection;
import io.tributary.metadata.LineageGraph;
import io.tributary.metadata.Node;
import io.tributary.metadata.TypeKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Breadth-first walk over events, one hop (one event) per step, with one indexed query per
 * frontier and step: a 5-hop lineage is about five queries whatever the store's size.
 */
final class LineageWalker {
  private final NodeRepository nodes;
  private final EdgeRepository edges;

  LineageWalker(NodeRepository nodes, EdgeRepository edges) {
    this.nodes = nodes;
    this.edges = edges;
  }

  LineageGraph walk(Connection c, Node start, LineageDirection direction, int hops) throws SQLException {
    Set<Long> artifacts = new TreeSet<>();
    Set<Long> executions = new TreeSet<>();
    Set<Event> seen = new LinkedHashSet<>();
    List<Long> frontierArtifacts = new ArrayList<>();
    List<Long> frontierExecutions = new ArrayList<>();
    if (start.kind() == TypeKind.ARTIFACT) {
      artifacts.add(start.id());
      frontierArtifacts.add(start.id());
    } else {
      executions.add(start.id());
      frontierExecutions.add(start.id());
    }
    for (int hop = 0; hop < hops && !(frontierArtifacts.isEmpty() && frontierExecutions.isEmpty()); hop++) {
      List<Long> nextExecutions = new ArrayList<>();
      for (Event e : edges.events(c, TypeKind.ARTIFACT, frontierArtifacts, fromArtifact(direction))) {
        seen.add(e);
        if (executions.add(e.executionId())) {
          nextExecutions.add(e.executionId());
        }
      }
      List<Long> nextArtifacts = new ArrayList<>();
      for (Event e : edges.events(c, TypeKind.EXECUTION, frontierExecutions, fromExecution(direction))) {
        seen.add(e);
        if (artifacts.add(e.artifactId())) {
          nextArtifacts.add(e.artifactId());
        }
      }
      frontierArtifacts = nextArtifacts;
      frontierExecutions = nextExecutions;
    }
    List<Event> events = new ArrayList<>(seen);
    events.sort(Comparator.comparingLong(Event::executionId).thenComparingLong(Event::artifactId));
    return new LineageGraph(
        start,
        direction,
        hops,
        nodes.load(c, TypeKind.ARTIFACT, artifacts).stream().map(Artifact.class::cast).toList(),
        nodes.load(c, TypeKind.EXECUTION, executions).stream().map(Execution.class::cast).toList(),
        events);
  }

  /** Upstream, an artifact leads to the execution that wrote it; downstream, to its readers. */
  private static EventType fromArtifact(LineageDirection direction) {
    return switch (direction) {
      case UPSTREAM -> EventType.OUTPUT;
      case DOWNSTREAM -> EventType.INPUT;
      case BOTH -> null;
    };
  }

  private static EventType fromExecution(LineageDirection direction) {
    return switch (direction) {
      case UPSTREAM -> EventType.INPUT;
      case DOWNSTREAM -> EventType.OUTPUT;
      case BOTH -> null;
    };
  }
}
