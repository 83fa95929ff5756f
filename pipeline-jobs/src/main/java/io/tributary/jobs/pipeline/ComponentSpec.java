package io.tributary.jobs.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One component of a pipeline: its id (unique in the pipeline), its type, its parameters (strings,
 * or lists of strings for repeatable ones) and its inputs, each naming an upstream output as
 * {@code ComponentId.output}.
 *
 * @param location where it was defined, for error messages ({@code pipeline.yaml:7}), or null
 */
public record ComponentSpec(
    String id, String type, Map<String, Object> parameters, Map<String, String> inputs, String location) {

  public ComponentSpec {
    parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    inputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    for (Object value : parameters.values()) {
      if (!(value instanceof String) && !(value instanceof List)) {
        throw new PipelineException(location, "component '" + id + "': parameters are strings or lists of strings");
      }
    }
  }

  /** The id of the component an input comes from. */
  static String upstreamOf(String reference) {
    int dot = reference.indexOf('.');
    return dot < 0 ? reference : reference.substring(0, dot);
  }

  /** The output name an input refers to. */
  static String outputOf(String reference) {
    int dot = reference.indexOf('.');
    return dot < 0 ? "" : reference.substring(dot + 1);
  }
}
