package io.tributary.jobs.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One component of a pipeline: its id (unique in the pipeline), its type, its parameters (strings,
 * or lists of strings for repeatable ones) and its inputs, each an {@link InputReference}: an
 * upstream output as {@code ComponentId.output}, or a resolver such as {@code latestBlessedModel()}.
 *
 * @param location where it was defined, for error messages ({@code pipeline.yaml:7}), or null
 */
public record ComponentSpec(
    String id, String type, Map<String, Object> parameters, Map<String, String> inputs, String location) {

  public ComponentSpec {
    parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    inputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    for (String reference : inputs.values()) {
      try {
        InputReference.parse(reference);
      } catch (IllegalArgumentException e) {
        throw new PipelineException(location, "component '" + id + "': " + e.getMessage());
      }
    }
    for (Object value : parameters.values()) {
      if (!(value instanceof String) && !(value instanceof List)) {
        throw new PipelineException(location, "component '" + id + "': parameters are strings or lists of strings");
      }
    }
  }

  /** Input name to where it comes from. */
  public Map<String, InputReference> references() {
    Map<String, InputReference> references = new LinkedHashMap<>();
    inputs.forEach((name, reference) -> references.put(name, InputReference.parse(reference)));
    return references;
  }

  /** The components this one runs after: those its inputs name. */
  public List<String> upstreams() {
    return references().values().stream().flatMap(r -> r.upstream().stream()).distinct().toList();
  }
}
