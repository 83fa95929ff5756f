package io.tributary.transforms.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.transforms.schema.ComparatorMetric;
import io.tributary.transforms.schema.JsonFields;
import io.tributary.transforms.statistics.ValueCount;
import io.tributary.transforms.artifacts.ArtifactFiles;
import io.tributary.transforms.artifacts.WriteArtifact;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.DelegateCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;

/**
 * Writes and reads {@link Anomalies} as {@code anomalies.json} (format version {@value
 * Anomalies#FORMAT_VERSION}, described in {@code beam-transforms/docs/anomalies-format.md}; files
 * of version 1, without remedies, are read too).
 * Numbers that are NaN in Java are {@code null} in JSON. Reading what was written gives an equal
 * object, and writing it again the same text.
 *
 * <pre>{@code
 * AnomaliesJson.write(anomalies, dir.resolve(AnomaliesJson.FILE_NAME));
 * Anomalies again = AnomaliesJson.read(dir.resolve(AnomaliesJson.FILE_NAME));
 * }</pre>
 */
public final class AnomaliesJson {
  /** The artifact's file name inside a split's folder. */
  public static final String FILE_NAME = "anomalies.json";

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Set<String> DOCUMENT =
      Set.of("formatVersion", "dataset", "split", "environment", "anomalies", "distances");
  private static final Set<String> ANOMALY =
      Set.of("feature", "type", "severity", "shortDescription", "description", "remedy", "measured", "threshold",
          "metric", "examples");
  private static final Set<String> EXAMPLE = Set.of("value", "count");
  private static final Set<String> DISTANCE =
      Set.of("feature", "comparison", "metric", "value", "threshold", "thresholdFromSchema",
          "baselineCount", "currentCount", "bins", "exceeded");

  private AnomaliesJson() {}

  /** The JSON text of the anomalies. */
  public static String toJson(Anomalies anomalies) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("formatVersion", Anomalies.FORMAT_VERSION);
    root.put("dataset", anomalies.dataset());
    root.put("split", anomalies.split());
    root.put("environment", anomalies.environment());
    ArrayNode list = root.putArray("anomalies");
    for (Anomaly anomaly : anomalies.anomalies()) {
      ObjectNode node = list.addObject();
      node.put("feature", anomaly.feature());
      node.put("type", anomaly.type().name());
      node.put("severity", anomaly.severity().name());
      node.put("shortDescription", anomaly.shortDescription());
      node.put("description", anomaly.description());
      node.put("remedy", anomaly.remedy());
      putNumber(node, "measured", anomaly.measured());
      putNumber(node, "threshold", anomaly.threshold());
      node.put("metric", anomaly.metric() == null ? null : anomaly.metric().jsonName());
      ArrayNode examples = node.putArray("examples");
      for (ValueCount example : anomaly.examples()) {
        ObjectNode e = examples.addObject();
        e.put("value", example.value());
        putNumber(e, "count", example.count());
      }
    }
    ArrayNode distances = root.putArray("distances");
    for (DistanceResult d : anomalies.distances()) {
      ObjectNode node = distances.addObject();
      node.put("feature", d.feature());
      node.put("comparison", d.comparison().name());
      node.put("metric", d.metric().jsonName());
      putNumber(node, "value", d.value());
      putNumber(node, "threshold", d.threshold());
      node.put("thresholdFromSchema", d.thresholdFromSchema());
      node.put("baselineCount", d.baselineCount());
      node.put("currentCount", d.currentCount());
      node.put("bins", d.bins());
      node.put("exceeded", d.exceeded());
    }
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write anomalies as JSON", e);
    }
  }

  private static void putNumber(ObjectNode node, String field, double value) {
    if (Double.isNaN(value)) {
      node.putNull(field);
    } else {
      node.put(field, value);
    }
  }

  /**
   * Anomalies from JSON text.
   *
   * @throws IllegalArgumentException naming the field if the text is not anomalies of a supported
   *     format version
   */
  public static Anomalies fromJson(String json) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("anomalies JSON is not valid JSON: " + e.getOriginalMessage(), e);
    }
    JsonFields root = JsonFields.of(tree, "anomalies", DOCUMENT);
    int version = root.intValue("formatVersion");
    if (version != 1 && version != Anomalies.FORMAT_VERSION) {
      throw root.invalid("formatVersion",
          "version " + version + " is not supported; this reader reads 1 and " + Anomalies.FORMAT_VERSION);
    }
    List<Anomaly> anomalies = new ArrayList<>();
    List<JsonNode> nodes = root.array("anomalies");
    for (int i = 0; i < nodes.size(); i++) {
      anomalies.add(anomaly(JsonFields.of(nodes.get(i), "anomalies.anomalies[" + i + "]", ANOMALY)));
    }
    List<DistanceResult> distances = new ArrayList<>();
    nodes = root.array("distances");
    for (int i = 0; i < nodes.size(); i++) {
      distances.add(distance(JsonFields.of(nodes.get(i), "anomalies.distances[" + i + "]", DISTANCE)));
    }
    return Anomalies.of(
        root.string("dataset"), root.string("split"), root.stringOrNull("environment"), anomalies, distances);
  }

  private static Anomaly anomaly(JsonFields fields) {
    List<ValueCount> examples = new ArrayList<>();
    List<JsonNode> nodes = fields.array("examples");
    for (int i = 0; i < nodes.size(); i++) {
      JsonFields example = JsonFields.of(nodes.get(i), fields.where() + ".examples[" + i + "]", EXAMPLE);
      examples.add(ValueCount.of(example.string("value"), example.doubleOr("count", Double.NaN)));
    }
    String metric = fields.stringOrNull("metric");
    return Anomaly.builder(enumValue(fields, "type", AnomalyType.class), fields.stringOrNull("feature"))
        .setSeverity(enumValue(fields, "severity", Severity.class))
        .setShortDescription(fields.string("shortDescription"))
        .setDescription(fields.string("description"))
        .setRemedy(fields.has("remedy") ? fields.string("remedy") : "")
        .setMeasured(fields.doubleOr("measured", Double.NaN), fields.doubleOr("threshold", Double.NaN))
        .setMetric(metric == null ? null : ComparatorMetric.fromJsonName(metric))
        .setExamples(examples)
        .build();
  }

  private static DistanceResult distance(JsonFields fields) {
    return DistanceResult.of(
        fields.string("feature"),
        enumValue(fields, "comparison", Comparison.class),
        ComparatorMetric.fromJsonName(fields.string("metric")),
        fields.doubleOr("value", Double.NaN),
        fields.doubleOr("threshold", Double.NaN),
        fields.booleanOr("thresholdFromSchema", false),
        fields.longValue("baselineCount"),
        fields.longValue("currentCount"),
        fields.intValue("bins"));
  }

  private static <E extends Enum<E>> E enumValue(JsonFields fields, String field, Class<E> type) {
    String name = fields.string(field);
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      throw fields.invalid(field, "'" + name + "' is not one of " + List.of(type.getEnumConstants()));
    }
  }

  /**
   * Writes the anomalies to {@code file} (a path or a URI such as {@code gs://bucket/dir/anomalies.json}) as
   * UTF-8 JSON, through Beam's file systems.
   */
  public static void write(Anomalies anomalies, String file) throws IOException {
    ArtifactFiles.writeText(file, toJson(anomalies));
  }

  /** Writes the anomalies to a local {@code file}; see {@link #write(Anomalies, String)}. */
  public static void write(Anomalies anomalies, Path file) throws IOException {
    write(anomalies, file.toAbsolutePath().toString());
  }

  /**
   * Reads a anomalies.json file (a path or a URI) through Beam's file systems; see {@link #fromJson}.
   * Errors are prefixed with the file's name.
   */
  public static Anomalies read(String file) throws IOException {
    return parse(ArtifactFiles.readText(file), file);
  }

  /** Reads a local anomalies.json file; see {@link #read(String)}. */
  public static Anomalies read(Path file) throws IOException {
    return parse(ArtifactFiles.readText(file.toAbsolutePath().toString()), file.toString());
  }

  private static Anomalies parse(String json, String file) {
    try {
      return fromJson(json);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * A transform that writes the one anomalies element of its input to {@code <folder>/anomalies.json}
   * through Beam's file systems, on a worker; {@code folder} may be a path or a URI.
   *
   * <pre>{@code
   * evalStatistics.apply(ExampleValidator.validate(schemaView)).apply(AnomaliesJson.writeTo(root + "/Split-eval"));
   * }</pre>
   */
  public static WriteArtifact<Anomalies> writeTo(String folder) {
    return WriteArtifact.one("AnomaliesJson.writeTo", ArtifactFiles.resolve(folder, FILE_NAME), AnomaliesJson::toJson);
  }

  /** A Beam coder of anomalies through their JSON text. */
  public static Coder<Anomalies> coder() {
    return DelegateCoder.of(StringUtf8Coder.of(), AnomaliesJson::toJson, AnomaliesJson::fromJson);
  }
}
