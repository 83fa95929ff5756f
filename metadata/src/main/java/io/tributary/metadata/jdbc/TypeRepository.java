package io.tributary.metadata.jdbc;

import io.tributary.metadata.MetadataException;
import io.tributary.metadata.NodeType;
import io.tributary.metadata.NotFoundException;
import io.tributary.metadata.PropertyType;
import io.tributary.metadata.TypeKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registered types and their ids. Types never change once registered, so they are cached.
 */
final class TypeRepository {
  /** A registered type with its id. */
  record Stored(long id, NodeType type) {}

  private final Map<String, Stored> byName = new ConcurrentHashMap<>();
  private final Map<Long, Stored> byId = new ConcurrentHashMap<>();

  /** Registers {@code type}, or checks that the registered one is identical. */
  Stored register(Connection c, NodeType type) throws SQLException {
    Optional<Stored> existing = find(c, type.kind(), type.name());
    if (existing.isPresent()) {
      if (!existing.get().type().properties().equals(type.properties())) {
        throw new MetadataException(
            type.kind().label() + " type " + type.name() + " is already registered with properties "
                + existing.get().type().properties() + ", not " + type.properties()
                + ": register the new definition under another name (e.g. " + type.name() + "_v2)");
      }
      return existing.get();
    }
    // ON CONFLICT: a concurrent registration of the same type wins; we then compare with it.
    Sql.update(
        c,
        "INSERT INTO node_type (kind, name) VALUES (?, ?) ON CONFLICT DO NOTHING",
        List.of(type.kind().name(), type.name()));
    long id = loadId(c, type.kind(), type.name()).orElseThrow();
    for (Map.Entry<String, PropertyType> p : type.properties().entrySet()) {
      Sql.update(
          c,
          "INSERT INTO type_property (type_id, name, data_type) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
          List.of(id, p.getKey(), p.getValue().name()));
    }
    Stored stored = load(c, id, false);
    if (!stored.type().equals(type)) {
      throw new MetadataException(
          type.kind().label() + " type " + type.name() + " was registered concurrently with properties "
              + stored.type().properties() + ": register the new definition under another name");
    }
    return stored;
  }

  /** The registered type, or an error that says how to register it. */
  Stored get(Connection c, TypeKind kind, String name) throws SQLException {
    return find(c, kind, name)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "unknown " + kind.label() + " type '" + name + "': register it first with"
                        + " registerType(NodeType." + kind.label() + "(\"" + name + "\"))"));
  }

  Optional<Stored> find(Connection c, TypeKind kind, String name) throws SQLException {
    Stored cached = byName.get(key(kind, name));
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<Long> id = loadId(c, kind, name);
    return id.isPresent() ? Optional.of(load(c, id.get(), true)) : Optional.empty();
  }

  Stored byId(Connection c, long id) throws SQLException {
    Stored cached = byId.get(id);
    return cached != null ? cached : load(c, id, true);
  }

  List<NodeType> all(Connection c, TypeKind kind) throws SQLException {
    List<Long> ids =
        Sql.query(
            c, "SELECT id FROM node_type WHERE kind = ? ORDER BY name", List.of(kind.name()), rs -> rs.getLong(1));
    List<NodeType> out = new ArrayList<>();
    for (long id : ids) {
      out.add(byId(c, id).type());
    }
    return out;
  }

  private Optional<Long> loadId(Connection c, TypeKind kind, String name) throws SQLException {
    return Sql.query(
            c,
            "SELECT id FROM node_type WHERE kind = ? AND name = ?",
            List.of(kind.name(), name),
            rs -> rs.getLong(1))
        .stream()
        .findFirst();
  }

  /**
   * Loads a type; {@code cache} is false only for a type this transaction just inserted, which
   * would be wrong to remember if the transaction rolled back. Any other type was committed.
   */
  private Stored load(Connection c, long id, boolean cache) throws SQLException {
    List<NodeType> bare =
        Sql.query(
            c,
            "SELECT kind, name FROM node_type WHERE id = ?",
            List.of(id),
            rs -> new NodeType(TypeKind.valueOf(rs.getString(1)), rs.getString(2), Map.of()));
    if (bare.isEmpty()) {
      throw new NotFoundException("no type with id " + id);
    }
    Map<String, PropertyType> properties = new TreeMap<>();
    Sql.query(
        c,
        "SELECT name, data_type FROM type_property WHERE type_id = ?",
        List.of(id),
        rs -> properties.put(rs.getString(1), PropertyType.valueOf(rs.getString(2))));
    NodeType type = new NodeType(bare.get(0).kind(), bare.get(0).name(), properties);
    Stored stored = new Stored(id, type);
    if (cache) {
      byName.put(key(type.kind(), type.name()), stored);
      byId.put(id, stored);
    }
    return stored;
  }

  private static String key(TypeKind kind, String name) {
    return kind.name() + ':' + name;
  }
}
