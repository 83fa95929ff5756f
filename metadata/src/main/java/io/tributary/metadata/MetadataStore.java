package io.tributary.metadata;

import io.tributary.metadata.jdbc.JdbcMetadataStore;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The record of every artifact Tributary wrote, every execution that wrote or read it, and the
 * pipelines and runs they belong to: "which data and which code produced this model?".
 *
 * <pre>{@code
 * try (MetadataStore store = MetadataStore.open(StoreConfig.fromEnvironment())) {
 *   WellKnownTypes.registerAll(store);
 *   store.registerType(NodeType.execution("Trainer"));
 *   Context pipeline = store.ensureContext(WellKnownTypes.PIPELINE, "penguin");
 *   Execution running = store.putExecution(Execution.of("Trainer")
 *       .withState(ExecutionState.RUNNING).withCacheKey(key));
 *   // ... train, write the model to staging, move it into place ...
 *   store.publishExecution(
 *       running.withState(ExecutionState.COMPLETE),
 *       List.of(ArtifactAndEvent.output(
 *           Artifact.of(WellKnownTypes.MODEL, uri).withState(ArtifactState.LIVE), "model")),
 *       List.of(pipeline));
 *   LineageGraph producedBy = store.lineage(model, LineageDirection.UPSTREAM, 5);
 * }
 * }</pre>
 *
 * <p><b>Guarantees.</b> Every method that writes more than one row does so in one transaction, so
 * a crash never leaves, say, a COMPLETE execution without its output events. Two processes may
 * write to the same store at once: SQLite runs in WAL mode and retries when the file is busy;
 * PostgreSQL retries serialisation failures. Every statement is prepared; names are checked
 * against a safe alphabet and values are bound, never spliced into SQL.
 *
 * <p><b>Errors.</b> Everything fails with a {@link MetadataException} (or {@link
 * IllegalArgumentException} for a malformed argument) whose message is one line for a user; a
 * failed write changed nothing. Unknown ids throw {@link NotFoundException}.
 *
 * <p>A store holds one connection and serialises its callers; open one store per thread for
 * parallel work.
 */
public interface MetadataStore extends AutoCloseable {
  /** Upper bound on lineage hops, so that a typo cannot ask for an unbounded walk. */
  int MAX_HOPS = 10_000;

  /** Opens (creating or upgrading the schema if needed and allowed) the store {@code config} names. */
  static MetadataStore open(StoreConfig config) {
    return JdbcMetadataStore.open(config);
  }

  /** The store's location, without passwords. */
  StoreConfig config();

  /** The schema version applied by the migrations, e.g. {@code "1"}. */
  String schemaVersion();

  // ---- types

  /** Registers a type; idempotent for an identical definition, an error for a different one. */
  NodeType registerType(NodeType type);

  /** The registered type, or {@link NotFoundException} naming how to register it. */
  NodeType getType(TypeKind kind, String name);

  /** All registered types of a kind, by name. */
  List<NodeType> types(TypeKind kind);

  // ---- writes of single nodes

  /** Inserts (id 0) or updates (id set) an artifact; returns the stored copy with id and times. */
  Artifact putArtifact(Artifact artifact);

  /** Inserts or updates several artifacts in one transaction. */
  List<Artifact> putArtifacts(List<Artifact> artifacts);

  Execution putExecution(Execution execution);

  Context putContext(Context context);

  /** The context of that type and name, created if absent; safe when two processes race. */
  Context ensureContext(String type, String name);

  /** Records an event between a stored artifact and execution. */
  Event putEvent(Event event);

  /** Attributes an artifact to a context (idempotent). */
  void attribute(long contextId, long artifactId);

  /** Associates an execution with a context (idempotent). */
  void associate(long contextId, long executionId);

  /** Makes {@code parentId} a parent of {@code contextId}, e.g. a run's pipeline (idempotent). */
  void setParentContext(long contextId, long parentId);

  /**
   * Stores an execution, its input and output artifacts and their events, and links all of them
   * to {@code contexts} (created if they have no id), in one transaction. Either all of it is
   * recorded or none.
   */
  Publication publishExecution(
      Execution execution, List<ArtifactAndEvent> artifacts, List<Context> contexts);

  // ---- reads

  Artifact getArtifact(long id);

  Execution getExecution(long id);

  Context getContext(long id);

  Optional<Context> findContext(String type, String name);

  List<Artifact> findArtifacts(Query query);

  List<Execution> findExecutions(Query query);

  List<Context> findContexts(Query query);

  /** The events of an artifact ({@code kind} ARTIFACT) or execution ({@code kind} EXECUTION). */
  List<Event> events(TypeKind kind, long id);

  /** The contexts a node is attributed or associated to, or (for a context) its parents. */
  List<Context> contextsOf(TypeKind kind, long id);

  // ---- questions the driver and users ask

  /** The newest LIVE artifact of {@code type} attributed to context {@code contextId}. */
  Optional<Artifact> latestLiveArtifact(String type, long contextId);

  /**
   * The Model of the newest LIVE, blessed ({@code blessed = 1}) ModelBlessing attributed to the
   * pipeline context named {@code pipeline}, if that model is still LIVE; see {@link
   * WellKnownTypes} for how a blessing names its model.
   */
  default Optional<Artifact> latestBlessedModel(String pipeline) {
    return latestBlessedModel(pipeline, Set.of());
  }

  /**
   * As {@link #latestBlessedModel(String)}, passing over the models in {@code excludedModelIds}:
   * an Evaluator's baseline must not be the candidate it is judging.
   */
  Optional<Artifact> latestBlessedModel(String pipeline, Set<Long> excludedModelIds);

  /** The newest COMPLETE execution with this cache key whose outputs are all still LIVE. */
  Optional<Execution> findCachedExecution(String cacheKey);

  /** The lineage of an artifact or execution within {@code hops} (0 to {@link #MAX_HOPS}) events of it. */
  LineageGraph lineage(Node start, LineageDirection direction, int hops);

  @Override
  void close();
}
