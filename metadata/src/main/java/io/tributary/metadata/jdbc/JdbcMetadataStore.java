package io.tributary.metadata.jdbc;

import io.tributary.metadata.Artifact;
import io.tributary.metadata.ArtifactAndEvent;
import io.tributary.metadata.ArtifactState;
import io.tributary.metadata.Context;
import io.tributary.metadata.Event;
import io.tributary.metadata.EventType;
import io.tributary.metadata.Execution;
import io.tributary.metadata.ExecutionState;
import io.tributary.metadata.LineageDirection;
import io.tributary.metadata.LineageGraph;
import io.tributary.metadata.MetadataStore;
import io.tributary.metadata.Node;
import io.tributary.metadata.NodeType;
import io.tributary.metadata.Publication;
import io.tributary.metadata.Query;
import io.tributary.metadata.StoreConfig;
import io.tributary.metadata.TypeKind;
import io.tributary.metadata.Value;
import io.tributary.metadata.WellKnownTypes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link MetadataStore} on SQLite or PostgreSQL through JDBC. Use {@link
 * MetadataStore#open(StoreConfig)}; this class only wires the repositories to transactions.
 */
public final class JdbcMetadataStore implements MetadataStore {
  private final Database db;
  private final String schemaVersion;
  private final TypeRepository types = new TypeRepository();
  private final NodeRepository nodes = new NodeRepository(types, new PropertyRepository());
  private final EdgeRepository edges = new EdgeRepository(nodes);
  private final LineageWalker lineage = new LineageWalker(nodes, edges);

  private JdbcMetadataStore(Database db, String schemaVersion) {
    this.db = db;
    this.schemaVersion = schemaVersion;
  }

  /** Connects and creates or upgrades the schema (read-only stores are only checked). */
  public static JdbcMetadataStore open(StoreConfig config) {
    Database db = Database.connect(config);
    try {
      String version = config.isReadOnly() ? Migrations.check(db) : Migrations.migrate(db);
      return new JdbcMetadataStore(db, version);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  @Override
  public StoreConfig config() {
    return db.config();
  }

  /** How long this store's writes have held the write lock since it was opened. */
  public WriteLockTime writeLockTime() {
    return db.writeLockTime();
  }

  @Override
  public String schemaVersion() {
    return schemaVersion;
  }

  @Override
  public NodeType registerType(NodeType type) {
    return db.write("register " + type.kind().label() + " type " + type.name(),
        c -> types.register(c, type).type());
  }

  @Override
  public NodeType getType(TypeKind kind, String name) {
    return db.read("read type " + name, c -> types.get(c, kind, name).type());
  }

  @Override
  public List<NodeType> types(TypeKind kind) {
    return db.read("list types", c -> types.all(c, kind));
  }

  @Override
  public Artifact putArtifact(Artifact artifact) {
    return db.write("store " + NodeRepository.describe(artifact), c -> nodes.put(c, artifact));
  }

  @Override
  public List<Artifact> putArtifacts(List<Artifact> artifacts) {
    return db.write("store " + artifacts.size() + " artifacts", c -> {
      List<Artifact> out = new ArrayList<>(artifacts.size());
      for (Artifact a : artifacts) {
        out.add(nodes.put(c, a));
      }
      return out;
    });
  }

  @Override
  public Execution putExecution(Execution execution) {
    return db.write("store " + NodeRepository.describe(execution), c -> nodes.put(c, execution));
  }

  @Override
  public Context putContext(Context context) {
    return db.write("store " + NodeRepository.describe(context), c -> nodes.put(c, context));
  }

  @Override
  public Context ensureContext(String type, String name) {
    return db.write("create context " + type + " '" + name + "'", c -> nodes.ensureContext(c, type, name));
  }

  @Override
  public Event putEvent(Event event) {
    return db.write("store an event", c -> {
      edges.require(c, TypeKind.ARTIFACT, event.artifactId());
      edges.require(c, TypeKind.EXECUTION, event.executionId());
      return edges.putEvent(c, event);
    });
  }

  @Override
  public void attribute(long contextId, long artifactId) {
    db.write("attribute an artifact", c -> {
      edges.require(c, TypeKind.CONTEXT, contextId);
      edges.require(c, TypeKind.ARTIFACT, artifactId);
      edges.attribute(c, contextId, artifactId);
      return null;
    });
  }

  @Override
  public void associate(long contextId, long executionId) {
    db.write("associate an execution", c -> {
      edges.require(c, TypeKind.CONTEXT, contextId);
      edges.require(c, TypeKind.EXECUTION, executionId);
      edges.associate(c, contextId, executionId);
      return null;
    });
  }

  @Override
  public void setParentContext(long contextId, long parentId) {
    db.write("set a parent context", c -> {
      edges.setParent(c, contextId, parentId);
      return null;
    });
  }

  @Override
  public Publication publishExecution(
      Execution execution, List<ArtifactAndEvent> artifacts, List<Context> contexts) {
    return db.write("publish " + NodeRepository.describe(execution), c -> {
      Execution stored = nodes.put(c, execution);
      List<Context> linked = new ArrayList<>();
      for (Context context : contexts) {
        if (context.isStored()) {
          edges.require(c, TypeKind.CONTEXT, context.id());
          linked.add(context);
        } else {
          linked.add(nodes.ensureContext(c, context.type(), context.name()));
        }
      }
      List<Artifact> storedArtifacts = new ArrayList<>();
      List<Event> events = new ArrayList<>();
      for (ArtifactAndEvent ae : artifacts) {
        // Inputs are read, not changed: a stored input is only checked to exist.
        Artifact a = ae.type() == EventType.INPUT && ae.artifact().isStored()
            ? (Artifact) nodes.get(c, TypeKind.ARTIFACT, ae.artifact().id())
            : nodes.put(c, ae.artifact());
        storedArtifacts.add(a);
        events.add(edges.putEvent(c, new Event(a.id(), stored.id(), ae.type(), ae.path(), null)));
        for (Context context : linked) {
          edges.attribute(c, context.id(), a.id());
        }
      }
      for (Context context : linked) {
        edges.associate(c, context.id(), stored.id());
      }
      return new Publication(stored, storedArtifacts, events);
    });
  }

  @Override
  public Artifact getArtifact(long id) {
    return (Artifact) get(TypeKind.ARTIFACT, id);
  }

  @Override
  public Execution getExecution(long id) {
    return (Execution) get(TypeKind.EXECUTION, id);
  }

  @Override
  public Context getContext(long id) {
    return (Context) get(TypeKind.CONTEXT, id);
  }

  private Node get(TypeKind kind, long id) {
    return db.read("read " + kind.label() + " " + id, c -> nodes.get(c, kind, id));
  }

  @Override
  public Optional<Context> findContext(String type, String name) {
    Context.of(type, name); // validates both names before any query
    return db.read("find context " + name, c -> {
      if (types.find(c, TypeKind.CONTEXT, type).isEmpty()) {
        return Optional.<Context>empty();
      }
      return nodes.find(c, TypeKind.CONTEXT, Query.all().withType(type).withName(name).limit(1)).stream()
          .map(Context.class::cast)
          .findFirst();
    });
  }

  @Override
  public List<Artifact> findArtifacts(Query query) {
    return find(TypeKind.ARTIFACT, query, Artifact.class);
  }

  @Override
  public List<Execution> findExecutions(Query query) {
    return find(TypeKind.EXECUTION, query, Execution.class);
  }

  @Override
  public List<Context> findContexts(Query query) {
    return find(TypeKind.CONTEXT, query, Context.class);
  }

  private <N extends Node> List<N> find(TypeKind kind, Query query, Class<N> as) {
    return db.read("list " + kind.label() + "s", c -> nodes.find(c, kind, query).stream().map(as::cast).toList());
  }

  @Override
  public List<Event> events(TypeKind kind, long id) {
    if (kind == TypeKind.CONTEXT) {
      throw new IllegalArgumentException("contexts have no events: ask for an artifact's or execution's");
    }
    return db.read("read events", c -> {
      nodes.get(c, kind, id);
      return edges.events(c, kind, List.of(id), null);
    });
  }

  @Override
  public List<Context> contextsOf(TypeKind kind, long id) {
    return db.read("read contexts", c -> {
      nodes.get(c, kind, id);
      return nodes.load(c, TypeKind.CONTEXT, edges.contextIds(c, kind, id)).stream()
          .map(Context.class::cast).toList();
    });
  }

  @Override
  public Optional<Artifact> latestLiveArtifact(String type, long contextId) {
    Query query = Query.all().withType(type).withState(ArtifactState.LIVE).inContext(contextId).limit(1);
    return findArtifacts(query).stream().findFirst();
  }

  @Override
  public Optional<Artifact> latestBlessedModel(String pipeline, Set<Long> excludedModelIds) {
    Optional<Context> context = findContext(WellKnownTypes.PIPELINE, pipeline);
    if (context.isEmpty()) {
      return Optional.empty();
    }
    Query blessings = Query.all().withType(WellKnownTypes.MODEL_BLESSING).withState(ArtifactState.LIVE)
        .inContext(context.get().id()).withProperty(WellKnownTypes.BLESSED, Value.of(1));
    return db.read("find the latest blessed model of " + pipeline, c -> {
      if (types.find(c, TypeKind.ARTIFACT, WellKnownTypes.MODEL_BLESSING).isEmpty()) {
        return Optional.<Artifact>empty();
      }
      for (Node blessing : nodes.find(c, TypeKind.ARTIFACT, blessings)) {
        Value modelId = blessing.property(WellKnownTypes.MODEL_ID);
        if (modelId != null && !excludedModelIds.contains(modelId.asLong())
            && nodes.exists(c, TypeKind.ARTIFACT, modelId.asLong())) {
          Artifact model = (Artifact) nodes.get(c, TypeKind.ARTIFACT, modelId.asLong());
          if (model.state() == ArtifactState.LIVE) {
            return Optional.of(model);
          }
        }
      }
      return Optional.<Artifact>empty();
    });
  }

  @Override
  public Optional<Execution> findCachedExecution(String cacheKey) {
    return db.read("find a cached execution", c -> cachedExecution(c, cacheKey));
  }

  private Optional<Execution> cachedExecution(Connection c, String cacheKey) throws SQLException {
    List<Object> args = new ArrayList<>(List.of(ExecutionState.COMPLETE.name()));
    String keyMatches =
        PropertyRepository.matchCondition(TypeKind.EXECUTION, Execution.CACHE_KEY, Value.of(cacheKey), args);
    args.add(EventType.OUTPUT.name());
    args.add(ArtifactState.LIVE.name());
    List<Long> ids = Sql.query(
        c,
        "SELECT n.id FROM execution n WHERE n.state = ? AND " + keyMatches
            + " AND NOT EXISTS (SELECT 1 FROM event ev JOIN artifact a ON a.id = ev.artifact_id"
            + " WHERE ev.execution_id = n.id AND ev.type = ? AND a.state <> ?)"
            + " ORDER BY n.create_time DESC, n.id DESC LIMIT 1",
        args,
        rs -> rs.getLong(1));
    return ids.isEmpty()
        ? Optional.empty()
        : Optional.of((Execution) nodes.get(c, TypeKind.EXECUTION, ids.get(0)));
  }

  @Override
  public LineageGraph lineage(Node start, LineageDirection direction, int hops) {
    if (hops < 0 || hops > MAX_HOPS) {
      throw new IllegalArgumentException("hops must be between 0 and " + MAX_HOPS + ", got " + hops);
    }
    if (start.kind() == TypeKind.CONTEXT) {
      throw new IllegalArgumentException("lineage starts at an artifact or an execution, not a context");
    }
    return db.read("read lineage", c -> lineage.walk(c, nodes.get(c, start.kind(), start.id()), direction, hops));
  }

  @Override
  public void close() {
    db.close();
  }
}
