package io.tributary.metadata.jdbc;

import io.tributary.metadata.PropertyType;
import io.tributary.metadata.TypeKind;
import io.tributary.metadata.Value;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Declared and custom properties of all three node kinds, in the one {@code property} table:
 * one row per property, the value in the column of its type.
 */
final class PropertyRepository {
  /** The two property maps of one node. */
  record Values(Map<String, Value> declared, Map<String, Value> custom) {
    static Values empty() {
      return new Values(new TreeMap<>(), new TreeMap<>());
    }
  }

  /** Replaces all properties of a node. */
  void replace(Connection c, TypeKind kind, long id, Map<String, Value> declared, Map<String, Value> custom)
      throws SQLException {
    Sql.update(c, "DELETE FROM property WHERE node_kind = ? AND node_id = ?", List.of(kind.name(), id));
    insert(c, kind, id, declared, custom);
  }

  /** Adds the properties of a node that has none yet. */
  void insert(Connection c, TypeKind kind, long id, Map<String, Value> declared, Map<String, Value> custom)
      throws SQLException {
    if (declared.isEmpty() && custom.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO property (node_kind, node_id, name, is_custom, data_type, int_value,"
                + " double_value, string_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      addAll(ps, kind, id, declared, 0);
      addAll(ps, kind, id, custom, 1);
      ps.executeBatch();
    }
  }

  private static void addAll(PreparedStatement ps, TypeKind kind, long id, Map<String, Value> values, int custom)
      throws SQLException {
    for (Map.Entry<String, Value> e : values.entrySet()) {
      Value v = e.getValue();
      List<Object> args = new ArrayList<>(List.of(kind.name(), id, e.getKey(), custom, v.type().name()));
      args.add(v.type() == PropertyType.INT ? v.raw() : null);
      args.add(v.type() == PropertyType.DOUBLE ? v.raw() : null);
      args.add(v.type() == PropertyType.STRING || v.type() == PropertyType.JSON ? v.raw() : null);
      Sql.bind(ps, args);
      ps.addBatch();
    }
  }

  /** Properties of the given nodes; nodes without properties map to empty sets. */
  Map<Long, Values> load(Connection c, TypeKind kind, Collection<Long> ids) throws SQLException {
    Map<Long, Values> out = new HashMap<>();
    for (long id : ids) {
      out.put(id, Values.empty());
    }
    for (List<Long> chunk : Sql.chunks(ids)) {
      List<Object> args = new ArrayList<>();
      args.add(kind.name());
      args.addAll(chunk);
      Sql.query(
          c,
          "SELECT node_id, name, is_custom, data_type, int_value, double_value, string_value"
              + " FROM property WHERE node_kind = ? AND node_id IN (" + Sql.marks(chunk.size()) + ")",
          args,
          rs -> {
            Values set = out.get(rs.getLong(1));
            (rs.getInt(3) == 1 ? set.custom() : set.declared()).put(rs.getString(2), value(rs));
            return null;
          });
    }
    return out;
  }

  private static Value value(ResultSet rs) throws SQLException {
    PropertyType type = PropertyType.valueOf(rs.getString(4));
    return switch (type) {
      case INT -> Value.of(rs.getLong(5));
      case DOUBLE -> Value.of(rs.getDouble(6));
      case STRING -> Value.of(rs.getString(7));
      case JSON -> Value.json(rs.getString(7));
    };
  }

  /**
   * A condition on node alias {@code n} matching property {@code name} equal to {@code value};
   * appends its parameters to {@code args}.
   */
  static String matchCondition(TypeKind kind, String name, Value value, List<Object> args) {
    String column =
        switch (value.type()) {
          case INT -> "int_value";
          case DOUBLE -> "double_value";
          case STRING, JSON -> "string_value";
        };
    args.add(kind.name());
    args.add(name);
    args.add(value.type().name());
    args.add(value.raw());
    return "EXISTS (SELECT 1 FROM property p WHERE p.node_kind = ? AND p.node_id = n.id"
        + " AND p.name = ? AND p.data_type = ? AND p." + column + " = ?)";
  }
}
