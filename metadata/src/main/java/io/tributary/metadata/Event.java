package io.tributary.metadata;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An execution read ({@link EventType#INPUT}) or wrote ({@link EventType#OUTPUT}) an artifact.
 *
 * <p>The path says under which key: for an output, the component's output key and, where the
 * artifact is one split, the split, e.g. {@code ["examples", "train"]}. {@code time} is {@code null}
 * until stored.
 */
public record Event(long artifactId, long executionId, EventType type, List<String> path, Instant time) {

  public Event {
    Objects.requireNonNull(type, "type");
    path = List.copyOf(path);
    path.forEach(step -> Names.identifier("event path step", step));
  }

  /** A new event between stored nodes; {@code path} steps are e.g. the output key and split. */
  public static Event of(long artifactId, long executionId, EventType type, String... path) {
    return new Event(artifactId, executionId, type, List.of(path), null);
  }
}
