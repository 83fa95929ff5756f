package io.tributary.metadata;

import java.time.Instant;
import java.util.Map;

/**
 * A named group of artifacts and executions: a pipeline, one run of it, or a component.
 *
 * <p>Contexts are unique by (type, name); {@link MetadataStore#ensureContext(String, String)} gets
 * or creates one, safely when two processes race.
 *
 * <pre>{@code
 * Context pipeline = store.ensureContext(WellKnownTypes.PIPELINE, "penguin");
 * Context run = store.ensureContext(WellKnownTypes.PIPELINE_RUN, "penguin-2026-11-22T08:00");
 * store.setParentContext(run.id(), pipeline.id());
 * }</pre>
 */
public record Context(
    long id,
    String type,
    String name,
    Map<String, Value> properties,
    Map<String, Value> customProperties,
    Instant createTime,
    Instant updateTime)
    implements Node {

  public Context {
    Names.identifier("context type", type);
    if (name == null) {
      throw new IllegalArgumentException("a context needs a name: contexts are unique by (type, name)");
    }
    Names.nodeName("context", name);
    properties = Props.copy(properties);
    customProperties = Props.copy(customProperties);
    Props.checkDisjoint(properties, customProperties);
  }

  /** A new context of {@code type} named {@code name}. */
  public static Context of(String type, String name) {
    return new Context(0, type, name, Map.of(), Map.of(), null, null);
  }

  @Override
  public TypeKind kind() {
    return TypeKind.CONTEXT;
  }

  /** Sets a property declared by the type; the store checks it against the type on write. */
  public Context withProperty(String key, Value value) {
    return new Context(id, type, name, Props.with(properties, key, value), customProperties, createTime, updateTime);
  }

  public Context withCustomProperty(String key, Value value) {
    return new Context(id, type, name, properties, Props.with(customProperties, key, value), createTime, updateTime);
  }
}
