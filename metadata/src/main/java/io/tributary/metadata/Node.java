package io.tributary.metadata;

import java.time.Instant;
import java.util.Map;

/**
 * What artifacts, executions and contexts have in common: an id, a type, an optional name,
 * declared and custom properties, and times.
 *
 * <p>A node that was never stored has {@code id() == 0} and {@code null} times; the store assigns
 * ids (starting at 1) and times when it writes the node, and returns the stored copy.
 */
public sealed interface Node permits Artifact, Execution, Context {
  /** The store's id, or 0 if this node was not stored yet. */
  long id();

  /** Which of the three kinds this node is. */
  TypeKind kind();

  /** The name of the node's {@link NodeType}. */
  String type();

  /** Optional name, unique within the type; always present for contexts. */
  String name();

  /** Values of properties declared by the node's type. */
  Map<String, Value> properties();

  /** Free-form properties not declared by the type (e.g. an execution's cache key). */
  Map<String, Value> customProperties();

  Instant createTime();

  Instant updateTime();

  /** True once the store has assigned an id. */
  default boolean isStored() {
    return id() > 0;
  }

  /** A declared or custom property, or {@code null} if the node has none of that name. */
  default Value property(String key) {
    Value declared = properties().get(key);
    return declared != null ? declared : customProperties().get(key);
  }
}
