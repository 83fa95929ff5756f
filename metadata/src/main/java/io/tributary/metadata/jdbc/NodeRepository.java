package io.tributary.metadata.jdbc;

import io.tributary.metadata.Artifact;
import io.tributary.metadata.ArtifactState;
import io.tributary.metadata.Context;
import io.tributary.metadata.Execution;
import io.tributary.metadata.ExecutionState;
import io.tributary.metadata.MetadataException;
import io.tributary.metadata.Node;
import io.tributary.metadata.NotFoundException;
import io.tributary.metadata.Query;
import io.tributary.metadata.TypeKind;
import io.tributary.metadata.Value;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads artifacts, executions and contexts with one code path: the three kinds differ
 * only in the columns {@link NodeTable} names.
 */
final class NodeRepository {
  /** One row of a node table before its type name and properties are attached. */
  private record Row(long id, long typeId, String name, String uri, String state, long created, long updated) {}

  private final TypeRepository types;
  private final PropertyRepository properties;

  NodeRepository(TypeRepository types, PropertyRepository properties) {
    this.types = types;
    this.properties = properties;
  }

  /** Inserts a node without id, or updates the stored node with its id; returns the stored copy. */
  <N extends Node> N put(Connection c, N node) throws SQLException {
    TypeRepository.Stored type = types.get(c, node.kind(), node.type());
    try {
      type.type().check(node.properties());
    } catch (IllegalArgumentException e) {
      throw new MetadataException("cannot store " + describe(node) + ": " + e.getMessage());
    }
    NodeTable t = NodeTable.of(node.kind());
    checkNameFree(c, t, node, type.id());
    long now = System.currentTimeMillis();
    Map<String, Object> values = columnValues(t, node);
    if (node.isStored()) {
      Row existing = row(c, node.kind(), node.id());
      if (existing.typeId() != type.id()) {
        throw new MetadataException(
            describe(node) + " is stored with another type: the type of a stored "
                + node.kind().label() + " cannot change; store a new one instead");
      }
      long updated = Math.max(now, existing.created());
      List<Object> args = new ArrayList<>(values.values());
      args.add(updated);
      args.add(node.id());
      Sql.update(c, "UPDATE " + t.table + " SET " + String.join(" = ?, ", values.keySet())
          + " = ?, update_time = ? WHERE id = ?", args);
      properties.replace(c, node.kind(), node.id(), node.properties(), node.customProperties());
      return stamp(node, node.id(), existing.created(), updated);
    }
    List<Object> args = new ArrayList<>(List.of(type.id()));
    args.addAll(values.values());
    args.add(now);
    args.add(now);
    long id = Sql.insert(c, "INSERT INTO " + t.table + " (type_id, " + String.join(", ", values.keySet())
        + ", create_time, update_time) VALUES (" + Sql.marks(args.size()) + ")", args);
    properties.insert(c, node.kind(), id, node.properties(), node.customProperties());
    return stamp(node, id, now, now);
  }

  /** The columns a write sets besides the type and times: name, uri (artifacts), state. */
  private static Map<String, Object> columnValues(NodeTable t, Node node) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("name", node.name());
    if (t.hasUri) {
      values.put("uri", ((Artifact) node).uri());
    }
    if (t.hasState) {
      values.put("state", node instanceof Artifact a ? a.state().name() : ((Execution) node).state().name());
    }
    return values;
  }

  /** The stored copy of {@code node}: the same values with the id and times the store gave it. */
  @SuppressWarnings("unchecked")
  private static <N extends Node> N stamp(N node, long id, long created, long updated) {
    Instant c = Sql.time(created);
    Instant u = Sql.time(updated);
    if (node instanceof Artifact a) {
      return (N) new Artifact(id, a.type(), a.uri(), a.name(), a.state(), a.properties(), a.customProperties(), c, u);
    }
    if (node instanceof Execution e) {
      return (N) new Execution(id, e.type(), e.name(), e.state(), e.properties(), e.customProperties(), c, u);
    }
    Context x = (Context) node;
    return (N) new Context(id, x.type(), x.name(), x.properties(), x.customProperties(), c, u);
  }

  /**
   * The context of that type and name, inserted if absent. The insert ignores a conflict, so
   * when two processes race both end up with the one row.
   */
  Context ensureContext(Connection c, String type, String name) throws SQLException {
    long typeId = types.get(c, TypeKind.CONTEXT, type).id();
    Context.of(type, name); // validates the name before it reaches the database
    long now = System.currentTimeMillis();
    Sql.update(
        c,
        "INSERT INTO context (type_id, name, create_time, update_time) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT DO NOTHING",
        List.of(typeId, name, now, now));
    long id =
        Sql.query(
                c, "SELECT id FROM context WHERE type_id = ? AND name = ?", List.of(typeId, name),
                rs -> rs.getLong(1))
            .get(0);
    return (Context) get(c, TypeKind.CONTEXT, id);
  }

  /** The node of that kind and id, or {@link NotFoundException}. */
  Node get(Connection c, TypeKind kind, long id) throws SQLException {
    List<Node> found = load(c, kind, List.of(id));
    if (found.isEmpty()) {
      throw new NotFoundException("no " + kind.label() + " with id " + id);
    }
    return found.get(0);
  }

  boolean exists(Connection c, TypeKind kind, long id) throws SQLException {
    return !Sql.query(
            c, "SELECT 1 FROM " + NodeTable.of(kind).table + " WHERE id = ?", List.of(id), rs -> 1)
        .isEmpty();
  }

  /** The nodes with these ids that exist, sorted by id. */
  List<Node> load(Connection c, TypeKind kind, Collection<Long> ids) throws SQLException {
    NodeTable t = NodeTable.of(kind);
    List<Row> rows = new ArrayList<>();
    for (List<Long> chunk : Sql.chunks(ids)) {
      rows.addAll(
          Sql.query(
              c,
              "SELECT " + t.selectColumns() + " FROM " + t.table + " n WHERE n.id IN ("
                  + Sql.marks(chunk.size()) + ")",
              chunk,
              NodeRepository::row));
    }
    rows.sort(Comparator.comparingLong(Row::id));
    return toNodes(c, kind, rows);
  }

  /** Nodes matching {@code query}, newest first. */
  List<Node> find(Connection c, TypeKind kind, Query query) throws SQLException {
    NodeTable t = NodeTable.of(kind);
    List<Object> args = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT " + t.selectColumns() + " FROM " + t.table + " n");
    if (query.contextId() > 0) {
      sql.append(" JOIN " + t.linkTable + " l ON l." + t.linkNodeColumn + " = n.id AND l."
          + t.linkContextColumn + " = ?");
      args.add(query.contextId());
    }
    sql.append(" WHERE 1 = 1");
    if (query.type() != null) {
      sql.append(" AND n.type_id = ?");
      args.add(types.get(c, kind, query.type()).id());
    }
    if (query.name() != null) {
      sql.append(" AND n.name = ?");
      args.add(query.name());
    }
    if (query.state() != null) {
      if (!t.hasState) {
        throw new IllegalArgumentException(kind.label() + "s have no state: drop the state filter");
      }
      checkState(kind, query.state());
      sql.append(" AND n.state = ?");
      args.add(query.state());
    }
    if (query.uri() != null) {
      if (!t.hasUri) {
        throw new IllegalArgumentException(kind.label() + "s have no uri: drop the uri filter");
      }
      sql.append(" AND n.uri = ?");
      args.add(query.uri());
    }
    for (Map.Entry<String, Value> p : query.properties().entrySet()) {
      sql.append(" AND ").append(PropertyRepository.matchCondition(kind, p.getKey(), p.getValue(), args));
    }
    sql.append(" ORDER BY n.create_time DESC, n.id DESC LIMIT ?");
    args.add(query.limit());
    return toNodes(c, kind, Sql.query(c, sql.toString(), args, NodeRepository::row));
  }

  private List<Node> toNodes(Connection c, TypeKind kind, List<Row> rows) throws SQLException {
    Map<Long, PropertyRepository.Values> props =
        properties.load(c, kind, rows.stream().map(Row::id).toList());
    List<Node> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      String type = types.byId(c, r.typeId()).type().name();
      PropertyRepository.Values p = props.get(r.id());
      out.add(
          switch (kind) {
            case ARTIFACT -> new Artifact(r.id(), type, r.uri(), r.name(), ArtifactState.valueOf(r.state()),
                p.declared(), p.custom(), Sql.time(r.created()), Sql.time(r.updated()));
            case EXECUTION -> new Execution(r.id(), type, r.name(), ExecutionState.valueOf(r.state()),
                p.declared(), p.custom(), Sql.time(r.created()), Sql.time(r.updated()));
            case CONTEXT -> new Context(r.id(), type, r.name(), p.declared(), p.custom(),
                Sql.time(r.created()), Sql.time(r.updated()));
          });
    }
    return out;
  }

  private Row row(Connection c, TypeKind kind, long id) throws SQLException {
    NodeTable t = NodeTable.of(kind);
    List<Row> rows =
        Sql.query(
            c, "SELECT " + t.selectColumns() + " FROM " + t.table + " n WHERE n.id = ?", List.of(id),
            NodeRepository::row);
    if (rows.isEmpty()) {
      throw new NotFoundException("no " + kind.label() + " with id " + id);
    }
    return rows.get(0);
  }

  private static Row row(java.sql.ResultSet rs) throws SQLException {
    return new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getLong(6), rs.getLong(7));
  }

  /** Names are unique per type: say so clearly instead of surfacing a constraint violation. */
  private static void checkNameFree(Connection c, NodeTable t, Node node, long typeId) throws SQLException {
    if (node.name() == null) {
      return;
    }
    List<Long> holders =
        Sql.query(
            c, "SELECT id FROM " + t.table + " WHERE type_id = ? AND name = ?",
            List.of(typeId, node.name()), rs -> rs.getLong(1));
    if (!holders.isEmpty() && holders.get(0) != node.id()) {
      throw new MetadataException(
          node.type() + " " + node.kind().label() + " named '" + node.name() + "' already exists (id "
              + holders.get(0) + "): pick another name, or update that one by its id");
    }
  }

  private static void checkState(TypeKind kind, String state) {
    Class<? extends Enum<?>> states = kind == TypeKind.ARTIFACT ? ArtifactState.class : ExecutionState.class;
    if (java.util.Arrays.stream(states.getEnumConstants()).noneMatch(s -> s.name().equals(state))) {
      throw new IllegalArgumentException(
          state + " is not a state of " + kind.label() + "s: use one of "
              + java.util.Arrays.toString(states.getEnumConstants()));
    }
  }

  static String describe(Node node) {
    return node.type() + " " + node.kind().label() + (node.isStored() ? " " + node.id() : "")
        + (node.name() == null ? "" : " '" + node.name() + "'");
  }
}
