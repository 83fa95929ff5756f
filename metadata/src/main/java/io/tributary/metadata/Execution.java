package io.tributary.metadata;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One run of a component: its type (the component), state, and properties such as its cache key.
 *
 * <pre>{@code
 * Execution trainer = Execution.of("Trainer")
 *     .withState(ExecutionState.RUNNING)
 *     .withCacheKey(cacheKey);
 * }</pre>
 *
 * <p>The cache key is the custom property {@link #CACHE_KEY}; {@link
 * MetadataStore#findCachedExecution(String)} looks executions up by it.
 */
public record Execution(
    long id,
    String type,
    String name,
    ExecutionState state,
    Map<String, Value> properties,
    Map<String, Value> customProperties,
    Instant createTime,
    Instant updateTime)
    implements Node {

  /** Name of the custom property that holds the driver's cache key. */
  public static final String CACHE_KEY = "cache_key";

  public Execution {
    Names.identifier("execution type", type);
    Names.nodeName("execution", name);
    Objects.requireNonNull(state, "state");
    properties = Props.copy(properties);
    customProperties = Props.copy(customProperties);
    Props.checkDisjoint(properties, customProperties);
  }

  /** A new, unnamed, {@link ExecutionState#NEW} execution of {@code type}. */
  public static Execution of(String type) {
    return new Execution(0, type, null, ExecutionState.NEW, Map.of(), Map.of(), null, null);
  }

  @Override
  public TypeKind kind() {
    return TypeKind.EXECUTION;
  }

  /** The cache key, or {@code null} if none was set. */
  public String cacheKey() {
    Value key = customProperties.get(CACHE_KEY);
    return key == null ? null : key.asString();
  }

  public Execution withName(String newName) {
    return new Execution(id, type, newName, state, properties, customProperties, createTime, updateTime);
  }

  public Execution withState(ExecutionState newState) {
    return new Execution(id, type, name, newState, properties, customProperties, createTime, updateTime);
  }

  public Execution withCacheKey(String key) {
    return withCustomProperty(CACHE_KEY, Value.of(key));
  }

  /** Sets a property declared by the type; the store checks it against the type on write. */
  public Execution withProperty(String key, Value value) {
    return new Execution(
        id, type, name, state, Props.with(properties, key, value), customProperties, createTime, updateTime);
  }

  public Execution withCustomProperty(String key, Value value) {
    return new Execution(
        id, type, name, state, properties, Props.with(customProperties, key, value), createTime, updateTime);
  }
}
