package io.tributary.jobs.metadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tributary.metadata.Artifact;
import io.tributary.metadata.Event;
import io.tributary.metadata.Execution;
import io.tributary.metadata.Node;
import io.tributary.metadata.PropertyType;
import io.tributary.metadata.Value;
import java.util.LinkedHashMap;
import java.util.Map;

/** Nodes and events as plain JSON objects, with stable field order, for {@code --format=json}. */
final class JsonView {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonView() {}

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  static Map<String, Object> node(Node node) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", node.id());
    out.put("kind", node.kind().label());
    out.put("type", node.type());
    out.put("name", node.name());
    if (node instanceof Artifact a) {
      out.put("uri", a.uri());
      out.put("state", a.state().name());
    } else if (node instanceof Execution e) {
      out.put("state", e.state().name());
    }
    out.put("properties", values(node.properties()));
    out.put("customProperties", values(node.customProperties()));
    out.put("createTime", String.valueOf(node.createTime()));
    out.put("updateTime", String.valueOf(node.updateTime()));
    return out;
  }

  static Map<String, Object> event(Event event) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("artifactId", event.artifactId());
    out.put("executionId", event.executionId());
    out.put("type", event.type().name());
    out.put("path", event.path());
    out.put("time", String.valueOf(event.time()));
    return out;
  }

  private static Map<String, Object> values(Map<String, Value> values) {
    Map<String, Object> out = new LinkedHashMap<>();
    values.forEach((key, value) -> out.put(key, raw(value)));
    return out;
  }

  private static Object raw(Value value) {
    if (value.type() != PropertyType.JSON) {
      return value.raw();
    }
    try {
      return MAPPER.readTree(value.asString());
    } catch (JsonProcessingException e) {
      return value.asString();
    }
  }
}
