package io.tributary.metadata;

import java.util.List;

/**
 * What {@link MetadataStore#publishExecution} stored: the execution and artifacts with their ids,
 * in the order given, and the events that link them.
 */
public record Publication(Execution execution, List<Artifact> artifacts, List<Event> events) {
  public Publication {
    artifacts = List.copyOf(artifacts);
    events = List.copyOf(events);
  }
}
