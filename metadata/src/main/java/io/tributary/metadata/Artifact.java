package io.tributary.metadata;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A file or folder that a component wrote: its type, location, state and properties.
 *
 * <pre>{@code
 * Artifact examples = store.putArtifact(
 *     Artifact.of(WellKnownTypes.EXAMPLES, "/pipelines/p/ExampleGen/examples/7")
 *         .withCustomProperty("split_names", Value.of("train,eval")));
 * store.putArtifact(examples.withState(ArtifactState.LIVE));
 * }</pre>
 *
 * <p>The uri must not contain {@code ..} segments. New artifacts start {@link
 * ArtifactState#PENDING}; mark them {@link ArtifactState#LIVE} only once their files are complete.
 */
public record Artifact(
    long id,
    String type,
    String uri,
    String name,
    ArtifactState state,
    Map<String, Value> properties,
    Map<String, Value> customProperties,
    Instant createTime,
    Instant updateTime)
    implements Node {

  public Artifact {
    Names.identifier("artifact type", type);
    Names.uri(uri);
    Names.nodeName("artifact", name);
    Objects.requireNonNull(state, "state");
    properties = Props.copy(properties);
    customProperties = Props.copy(customProperties);
    Props.checkDisjoint(properties, customProperties);
  }

  /** A new, unnamed, {@link ArtifactState#PENDING} artifact of {@code type} at {@code uri}. */
  public static Artifact of(String type, String uri) {
    return new Artifact(0, type, uri, null, ArtifactState.PENDING, Map.of(), Map.of(), null, null);
  }

  @Override
  public TypeKind kind() {
    return TypeKind.ARTIFACT;
  }

  public Artifact withName(String newName) {
    return new Artifact(id, type, uri, newName, state, properties, customProperties, createTime, updateTime);
  }

  public Artifact withState(ArtifactState newState) {
    return new Artifact(id, type, uri, name, newState, properties, customProperties, createTime, updateTime);
  }

  /** Sets a property declared by the type; the store checks it against the type on write. */
  public Artifact withProperty(String key, Value value) {
    return new Artifact(
        id, type, uri, name, state, Props.with(properties, key, value), customProperties, createTime, updateTime);
  }

  public Artifact withCustomProperty(String key, Value value) {
    return new Artifact(
        id, type, uri, name, state, properties, Props.with(customProperties, key, value), createTime, updateTime);
  }
}
