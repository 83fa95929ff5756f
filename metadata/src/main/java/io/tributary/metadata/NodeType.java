package io.tributary.metadata;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An artifact, execution or context type: a name and its declared, typed properties.
 *
 * <pre>{@code
 * NodeType blessing = NodeType.artifact("ModelBlessing")
 *     .withProperty("blessed", PropertyType.INT)
 *     .withProperty("model_id", PropertyType.INT);
 * store.registerType(blessing);   // idempotent
 * }</pre>
 *
 * <p>Registering the same definition again is a no-op; registering the same kind and name with
 * different properties is an error (register it under a new name, e.g. with a version suffix).
 * Declared properties are checked on every write; custom properties are free-form.
 */
public record NodeType(TypeKind kind, String name, Map<String, PropertyType> properties) {

  public NodeType {
    Objects.requireNonNull(kind, "kind");
    Names.identifier(kind.label() + " type", name);
    TreeMap<String, PropertyType> sorted = new TreeMap<>();
    properties.forEach(
        (key, type) -> sorted.put(Names.identifier("property", key), Objects.requireNonNull(type)));
    properties = Collections.unmodifiableMap(sorted);
  }

  public static NodeType artifact(String name) {
    return new NodeType(TypeKind.ARTIFACT, name, Map.of());
  }

  public static NodeType execution(String name) {
    return new NodeType(TypeKind.EXECUTION, name, Map.of());
  }

  public static NodeType context(String name) {
    return new NodeType(TypeKind.CONTEXT, name, Map.of());
  }

  /** A copy that also declares {@code property} with values of {@code type}. */
  public NodeType withProperty(String property, PropertyType type) {
    TreeMap<String, PropertyType> copy = new TreeMap<>(properties);
    copy.put(property, type);
    return new NodeType(kind, name, copy);
  }

  /**
   * Fails unless {@code values} fit this type's declared properties.
   *
   * @throws IllegalArgumentException naming the undeclared property or the mismatched type
   */
  public void check(Map<String, Value> values) {
    values.forEach(
        (key, value) -> {
          PropertyType declared = properties.get(key);
          if (declared == null) {
            throw new IllegalArgumentException(
                kind.label() + " type " + name + " declares no property '" + key
                    + "': declare it in the type or use a custom property (declared: "
                    + properties.keySet() + ")");
          }
          if (declared != value.type()) {
            throw new IllegalArgumentException(
                "property '" + key + "' of " + name + " is " + declared + ", got " + value.type());
          }
        });
  }
}
