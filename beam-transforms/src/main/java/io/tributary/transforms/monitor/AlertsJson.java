package io.tributary.transforms.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code alerts.json}: what one monitoring run found, one entry per alert. Format version 1;
 * fields are only ever added, and readers ignore fields they do not know.
 *
 * <pre>{@code
 * {"formatVersion": 1, "model": "penguin", "modelVersion": 1, "spans": [202612072000, 202612072100],
 *  "alerts": [{"id": "skew/penguin/1/202612072100/flipper_length_mm", "kind": "skew",
 *              "feature": "flipper_length_mm", "span": 202612072100, "check": "kolmogorovSmirnov",
 *              "measured": 0.61, "threshold": 0.25, "model": "penguin", "modelVersion": 1,
 *              "description": "..."}]}
 * }</pre>
 *
 * <p>A number that does not exist (a schema alert of an empty span has no measure) is {@code null}.
 */
public final class AlertsJson {

  public static final String FILE_NAME = "alerts.json";
  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** What a monitoring run watched and found. */
  public record Contents(String model, long modelVersion, List<Long> spans, List<Alert> alerts) {
    public Contents {
      spans = List.copyOf(spans);
      alerts = List.copyOf(alerts);
    }
  }

  private AlertsJson() {}

  public static String toJson(Contents contents) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.put("model", contents.model());
    root.put("modelVersion", contents.modelVersion());
    ArrayNode spans = root.putArray("spans");
    contents.spans().forEach(spans::add);
    ArrayNode alerts = root.putArray("alerts");
    for (Alert a : contents.alerts()) {
      ObjectNode node = alerts.addObject();
      node.put("id", a.id());
      node.put("kind", a.kind().jsonName());
      node.put("feature", a.feature());
      node.put("span", a.span());
      node.put("check", a.check());
      number(node, "measured", a.measured());
      number(node, "threshold", a.threshold());
      node.put("model", a.model());
      node.put("modelVersion", a.modelVersion());
      node.put("description", a.description());
    }
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException("cannot write alerts as JSON", e);
    }
  }

  public static void write(Contents contents, Path file) throws IOException {
    Files.writeString(file, toJson(contents), StandardCharsets.UTF_8);
  }

  /** Reads a file written by {@link #write}; fails naming the file and what is wrong. */
  public static Contents read(Path file) throws IOException {
    JsonNode root = MAPPER.readTree(file.toFile());
    int version = root.path("formatVersion").asInt(-1);
    if (version < 1 || version > FORMAT_VERSION) {
      throw new IOException(file + " has formatVersion " + root.path("formatVersion")
          + "; this version reads 1 to " + FORMAT_VERSION + ": upgrade Tributary");
    }
    List<Long> spans = new ArrayList<>();
    root.path("spans").forEach(span -> spans.add(span.asLong()));
    List<Alert> alerts = new ArrayList<>();
    for (JsonNode a : root.path("alerts")) {
      alerts.add(new Alert(a.path("id").asText(), a.path("model").asText(), a.path("modelVersion").asLong(),
          a.path("span").asLong(), AlertKind.fromJsonName(a.path("kind").asText()), text(a.get("feature")),
          a.path("check").asText(), number(a.get("measured")), number(a.get("threshold")),
          a.path("description").asText()));
    }
    return new Contents(root.path("model").asText(), root.path("modelVersion").asLong(), spans, alerts);
  }

  private static void number(ObjectNode node, String name, double value) {
    if (Double.isFinite(value)) {
      node.put(name, value);
    } else {
      node.putNull(name);
    }
  }

  private static double number(JsonNode node) {
    return node == null || node.isNull() ? Double.NaN : node.asDouble();
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }
}
