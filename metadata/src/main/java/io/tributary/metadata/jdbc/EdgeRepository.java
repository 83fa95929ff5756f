package io.tributary.metadata.jdbc;

import io.tributary.metadata.Event;
import io.tributary.metadata.EventType;
import io.tributary.metadata.MetadataException;
import io.tributary.metadata.TypeKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The edges of the metadata graph: events (artifact and execution), attributions (artifact and
 * context), associations (execution and context) and parent contexts.
 *
 * <p>Event paths are stored as their steps joined by {@code '/'}; steps are identifiers, so the
 * join is unambiguous.
 */
final class EdgeRepository {
  private static final String EVENT_COLUMNS = "artifact_id, execution_id, type, path, event_time";

  private final NodeRepository nodes;

  EdgeRepository(NodeRepository nodes) {
    this.nodes = nodes;
  }

  /**
   * Inserts an event. Like {@link #attribute} and {@link #associate} it trusts the ids (foreign
   * keys still hold); callers with ids from outside check them with {@link #require} first.
   */
  Event putEvent(Connection c, Event event) throws SQLException {
    long now = System.currentTimeMillis();
    Sql.update(
        c,
        "INSERT INTO event (" + EVENT_COLUMNS + ") VALUES (?, ?, ?, ?, ?)",
        List.of(event.artifactId(), event.executionId(), event.type().name(),
            String.join("/", event.path()), now));
    return new Event(event.artifactId(), event.executionId(), event.type(), event.path(), Sql.time(now));
  }

  /** Events of the given artifacts or executions ({@code kind}), optionally of one type. */
  List<Event> events(Connection c, TypeKind kind, Collection<Long> ids, EventType type) throws SQLException {
    String column = kind == TypeKind.ARTIFACT ? "artifact_id" : "execution_id";
    List<Event> out = new ArrayList<>();
    for (List<Long> chunk : Sql.chunks(ids)) {
      List<Object> args = new ArrayList<>(chunk);
      String sql = "SELECT " + EVENT_COLUMNS + " FROM event WHERE " + column + " IN ("
          + Sql.marks(chunk.size()) + ")";
      if (type != null) {
        sql += " AND type = ?";
        args.add(type.name());
      }
      out.addAll(Sql.query(c, sql + " ORDER BY id", args, EdgeRepository::event));
    }
    return out;
  }

  void attribute(Connection c, long contextId, long artifactId) throws SQLException {
    link(c, "attribution", "artifact_id", contextId, artifactId);
  }

  void associate(Connection c, long contextId, long executionId) throws SQLException {
    link(c, "association", "execution_id", contextId, executionId);
  }

  /** Adds a parent, refusing cycles (a context cannot be its own ancestor). */
  void setParent(Connection c, long contextId, long parentId) throws SQLException {
    require(c, TypeKind.CONTEXT, contextId);
    require(c, TypeKind.CONTEXT, parentId);
    if (ancestors(c, parentId).contains(contextId) || contextId == parentId) {
      throw new MetadataException(
          "context " + parentId + " cannot be a parent of context " + contextId
              + ": it descends from it, and parent links must not form a cycle");
    }
    Sql.update(
        c,
        "INSERT INTO parent_context (context_id, parent_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
        List.of(contextId, parentId));
  }

  /** Ids of the contexts a node is attributed or associated to, or a context's parents. */
  List<Long> contextIds(Connection c, TypeKind kind, long id) throws SQLException {
    NodeTable t = NodeTable.of(kind);
    return Sql.query(
        c,
        "SELECT " + t.linkContextColumn + " FROM " + t.linkTable + " WHERE " + t.linkNodeColumn
            + " = ? ORDER BY " + t.linkContextColumn,
        List.of(id),
        rs -> rs.getLong(1));
  }

  private Set<Long> ancestors(Connection c, long contextId) throws SQLException {
    Set<Long> seen = new HashSet<>();
    List<Long> frontier = List.of(contextId);
    while (!frontier.isEmpty()) {
      List<Long> next = new ArrayList<>();
      for (long id : frontier) {
        for (long parent : contextIds(c, TypeKind.CONTEXT, id)) {
          if (seen.add(parent)) {
            next.add(parent);
          }
        }
      }
      frontier = next;
    }
    return seen;
  }

  private static void link(Connection c, String table, String nodeColumn, long contextId, long id)
      throws SQLException {
    Sql.update(
        c,
        "INSERT INTO " + table + " (context_id, " + nodeColumn + ") VALUES (?, ?) ON CONFLICT DO NOTHING",
        List.of(contextId, id));
  }

  /** Fails with {@link io.tributary.metadata.NotFoundException} unless the node exists. */
  void require(Connection c, TypeKind kind, long id) throws SQLException {
    if (!nodes.exists(c, kind, id)) {
      throw new io.tributary.metadata.NotFoundException("no " + kind.label() + " with id " + id);
    }
  }

  private static Event event(java.sql.ResultSet rs) throws SQLException {
    String path = rs.getString(4);
    return new Event(rs.getLong(1), rs.getLong(2), EventType.valueOf(rs.getString(3)),
        path.isEmpty() ? List.of() : List.of(path.split("/")), Sql.time(rs.getLong(5)));
  }
}
