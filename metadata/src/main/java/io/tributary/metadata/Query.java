package io.tributary.metadata;

import java.util.Map;

/**
 * Which artifacts, executions or contexts to list; results are newest first.
 *
 * <pre>{@code
 * store.findArtifacts(Query.all()
 *     .withType(WellKnownTypes.MODEL)
 *     .withState(ArtifactState.LIVE)
 *     .inContext(run.id())
 *     .withProperty("span", Value.of(3))
 *     .limit(10));
 * }</pre>
 *
 * <p>Every criterion is optional and they combine with AND. {@code inContext} means attributed
 * (artifacts), associated (executions) or a child of (contexts). {@code withProperty} matches a
 * declared or custom property with exactly that value. {@code withUri} applies to artifacts only.
 */
public record Query(
    String type,
    String name,
    String state,
    String uri,
    long contextId,
    Map<String, Value> properties,
    int limit) {

  /** No more rows than this are returned unless {@link #limit(int)} says otherwise. */
  public static final int DEFAULT_LIMIT = 1000;

  public Query {
    if (type != null) {
      Names.identifier("type", type);
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
    properties = Props.copy(properties);
  }

  /** Everything, newest first, at most {@link #DEFAULT_LIMIT}. */
  public static Query all() {
    return new Query(null, null, null, null, 0, Map.of(), DEFAULT_LIMIT);
  }

  public Query withType(String newType) {
    return new Query(newType, name, state, uri, contextId, properties, limit);
  }

  public Query withName(String newName) {
    return new Query(type, Names.nodeName("node", newName), state, uri, contextId, properties, limit);
  }

  public Query withState(ArtifactState newState) {
    return new Query(type, name, newState.name(), uri, contextId, properties, limit);
  }

  public Query withState(ExecutionState newState) {
    return new Query(type, name, newState.name(), uri, contextId, properties, limit);
  }

  public Query withUri(String newUri) {
    return new Query(type, name, state, Names.uri(newUri), contextId, properties, limit);
  }

  public Query inContext(long newContextId) {
    if (newContextId < 1) {
      throw new IllegalArgumentException("context ids start at 1, got " + newContextId);
    }
    return new Query(type, name, state, uri, newContextId, properties, limit);
  }

  public Query withProperty(String key, Value value) {
    return new Query(type, name, state, uri, contextId, Props.with(properties, key, value), limit);
  }

  public Query limit(int newLimit) {
    return new Query(type, name, state, uri, contextId, properties, newLimit);
  }
}
