package io.tributary.transforms.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.transforms.statistics.FeatureType;
import io.tributary.transforms.artifacts.ArtifactFiles;
import io.tributary.transforms.artifacts.WriteArtifact;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.DelegateCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;

/**
 * Writes and reads {@link DatasetSchema} as {@code schema.json} (format version {@value
 * DatasetSchema#FORMAT_VERSION}, described in {@code beam-transforms/docs/schema-format.md}; files
 * of version 1 are read too). The
 * file is meant to be edited by hand: the reader accepts left-out optional fields, rejects unknown
 * fields (typos) and names the path of every problem.
 *
 * <pre>{@code
 * SchemaJson.write(schema, dir.resolve(SchemaJson.FILE_NAME));
 * DatasetSchema curated = SchemaJson.read(Path.of("curated/schema.json"));  // instead of inferring
 * }</pre>
 *
 * <p>Reading what was written gives an equal schema, and writing it again gives the same text.
 */
public final class SchemaJson {
  /** The artifact's file name. */
  public static final String FILE_NAME = "schema.json";

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Set<String> DOCUMENT =
      Set.of("formatVersion", "environments", "minExamples", "maxExamples", "features");
  private static final Set<String> FEATURE =
      Set.of("name", "type", "minFraction", "domain", "minDomainMass", "range", "minRangeMass", "nanAllowed",
          "notInEnvironments", "skew", "drift");
  /** Version 1 had no masses. */
  private static final Set<String> FEATURE_V1 =
      Set.of("name", "type", "minFraction", "domain", "range", "nanAllowed", "notInEnvironments", "skew", "drift");
  private static final Set<String> RANGE = Set.of("min", "max");

  private SchemaJson() {}

  /** The JSON text of the schema. */
  public static String toJson(DatasetSchema schema) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("formatVersion", DatasetSchema.FORMAT_VERSION);
    ArrayNode environments = root.putArray("environments");
    schema.environments().forEach(environments::add);
    root.put("minExamples", schema.minExamples());
    if (schema.maxExamples() == Long.MAX_VALUE) {
      root.putNull("maxExamples");
    } else {
      root.put("maxExamples", schema.maxExamples());
    }
    ArrayNode features = root.putArray("features");
    schema.features().forEach(feature -> feature(features.addObject(), feature));
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a schema as JSON", e);
    }
  }

  private static void feature(ObjectNode node, FeatureSchema feature) {
    node.put("name", feature.name());
    node.put("type", feature.type().name());
    node.put("minFraction", feature.minFraction());
    if (feature.type() == FeatureType.STRING) {
      if (feature.domain() == null) {
        node.putNull("domain");
      } else {
        ArrayNode domain = node.putArray("domain");
        feature.domain().forEach(domain::add);
      }
      node.put("minDomainMass", feature.minDomainMass());
    }
    if (feature.type().isNumeric()) {
      ObjectNode range = node.putObject("range");
      bound(range, "min", feature.min(), feature.type());
      bound(range, "max", feature.max(), feature.type());
      node.put("minRangeMass", feature.minRangeMass());
      node.put("nanAllowed", feature.nanAllowed());
    }
    ArrayNode notIn = node.putArray("notInEnvironments");
    feature.notInEnvironments().forEach(notIn::add);
    thresholds(node, "skew", feature.skewThresholds());
    thresholds(node, "drift", feature.driftThresholds());
  }

  private static void bound(ObjectNode range, String field, double value, FeatureType type) {
    if (Double.isInfinite(value)) {
      range.putNull(field);
    } else if (type == FeatureType.INT && value == Math.rint(value) && Math.abs(value) < 0x1p53) {
      range.put(field, (long) value);
    } else {
      range.put(field, value);
    }
  }

  private static void thresholds(ObjectNode node, String field, Map<ComparatorMetric, Double> thresholds) {
    if (!thresholds.isEmpty()) {
      ObjectNode object = node.putObject(field);
      thresholds.forEach((metric, value) -> object.put(metric.jsonName(), value));
    }
  }

  /**
   * A schema from JSON text.
   *
   * @throws IllegalArgumentException naming the field and the fix if the text is not a schema of a
   *     supported format version
   */
  public static DatasetSchema fromJson(String json) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("schema JSON is not valid JSON: " + e.getOriginalMessage(), e);
    }
    JsonFields root = JsonFields.of(tree, "schema", DOCUMENT);
    int version = root.intValue("formatVersion");
    if (version != 1 && version != DatasetSchema.FORMAT_VERSION) {
      throw root.invalid("formatVersion", "version " + version + " is not supported; this reader reads 1 and "
          + DatasetSchema.FORMAT_VERSION);
    }
    DatasetSchema.Builder builder = DatasetSchema.builder();
    List<String> environments = root.stringsOrNull("environments");
    if (environments != null) {
      builder.setEnvironments(environments);
    }
    if (root.has("minExamples")) {
      builder.setMinExamples(root.longValue("minExamples"));
    }
    if (root.has("maxExamples")) {
      builder.setMaxExamples(root.longValue("maxExamples"));
    }
    List<FeatureSchema> features = new ArrayList<>();
    List<JsonNode> nodes = root.array("features");
    for (int i = 0; i < nodes.size(); i++) {
      features.add(feature(JsonFields.of(nodes.get(i), "schema.features[" + i + "]", version == 1 ? FEATURE_V1 : FEATURE)));
    }
    return builder.setFeatures(features).build();
  }

  private static FeatureSchema feature(JsonFields fields) {
    String typeName = fields.string("type");
    FeatureType type;
    try {
      type = FeatureType.valueOf(typeName);
    } catch (IllegalArgumentException e) {
      throw fields.invalid("type", "'" + typeName + "' is not a type; use INT, FLOAT, STRING, BOOLEAN or OTHER");
    }
    FeatureSchema.Builder builder =
        FeatureSchema.builder(fields.string("name"), type)
            .setMinFraction(fields.doubleOr("minFraction", 0.0))
            .setDomain(fields.stringsOrNull("domain"))
            .setMinDomainMass(fields.doubleOr("minDomainMass", 1.0))
            .setMinRangeMass(fields.doubleOr("minRangeMass", 1.0))
            .setNanAllowed(fields.booleanOr("nanAllowed", false))
            .setSkewThresholds(thresholds(fields, "skew"))
            .setDriftThresholds(thresholds(fields, "drift"));
    List<String> notIn = fields.stringsOrNull("notInEnvironments");
    if (notIn != null) {
      builder.setNotInEnvironments(notIn);
    }
    if (fields.has("range")) {
      JsonFields range = fields.object("range", RANGE);
      builder.setRange(
          range.doubleOr("min", Double.NEGATIVE_INFINITY), range.doubleOr("max", Double.POSITIVE_INFINITY));
    }
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(fields.where() + ": " + e.getMessage(), e);
    }
  }

  private static Map<ComparatorMetric, Double> thresholds(JsonFields fields, String field) {
    JsonNode node = fields.node(field);
    Map<ComparatorMetric, Double> result = new EnumMap<>(ComparatorMetric.class);
    if (node == null) {
      return result;
    }
    if (!node.isObject()) {
      throw fields.invalid(field, "must be an object of metric name to threshold");
    }
    for (var entry : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
      ComparatorMetric metric;
      try {
        metric = ComparatorMetric.fromJsonName(entry.getKey());
      } catch (IllegalArgumentException e) {
        throw fields.invalid(field, e.getMessage());
      }
      if (!entry.getValue().isNumber()) {
        throw fields.invalid(field + "." + entry.getKey(), "must be a number, not " + entry.getValue());
      }
      result.put(metric, entry.getValue().doubleValue());
    }
    return result;
  }

  /**
   * Writes the schema to {@code file} (a path or a URI such as {@code gs://bucket/dir/schema.json}) as
   * UTF-8 JSON, through Beam's file systems.
   */
  public static void write(DatasetSchema schema, String file) throws IOException {
    ArtifactFiles.writeText(file, toJson(schema));
  }

  /** Writes the schema to a local {@code file}; see {@link #write(DatasetSchema, String)}. */
  public static void write(DatasetSchema schema, Path file) throws IOException {
    write(schema, file.toAbsolutePath().toString());
  }

  /**
   * Reads a schema.json file (a path or a URI) through Beam's file systems; see {@link #fromJson}.
   * Errors are prefixed with the file's name.
   */
  public static DatasetSchema read(String file) throws IOException {
    return parse(ArtifactFiles.readText(file), file);
  }

  /** Reads a local schema.json file; see {@link #read(String)}. */
  public static DatasetSchema read(Path file) throws IOException {
    return parse(ArtifactFiles.readText(file.toAbsolutePath().toString()), file.toString());
  }

  private static DatasetSchema parse(String json, String file) {
    try {
      return fromJson(json);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * A transform that writes the one schema element of its input to {@code <folder>/schema.json}
   * through Beam's file systems, on a worker; {@code folder} may be a path or a URI.
   *
   * <pre>{@code
   * trainStatistics.apply(SchemaGen.infer()).apply(SchemaJson.writeTo(root + "/SchemaGen/schema"));
   * }</pre>
   */
  public static WriteArtifact<DatasetSchema> writeTo(String folder) {
    return WriteArtifact.one("SchemaJson.writeTo", ArtifactFiles.resolve(folder, FILE_NAME), SchemaJson::toJson);
  }

  /** A Beam coder of schemas through their JSON text (no Java serialisation). */
  public static Coder<DatasetSchema> coder() {
    return DelegateCoder.of(StringUtf8Coder.of(), SchemaJson::toJson, SchemaJson::fromJson);
  }
}
