package io.tributary.transforms.statistics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.transforms.artifacts.ArtifactFiles;
import io.tributary.transforms.artifacts.WriteArtifact;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Writes and reads {@link DatasetStatistics} as {@code statistics.json} (format version {@value
 * DatasetStatistics#FORMAT_VERSION}, described in {@code beam-transforms/docs/statistics-format.md}).
 * Reading what was written gives an equal object: doubles are written in their shortest exact form,
 * undefined figures (NaN) as {@code null}, sketches as base64.
 *
 * <pre>{@code
 * StatisticsJson.write(stats, splitDir.resolve(StatisticsJson.FILE_NAME));
 * DatasetStatistics again = StatisticsJson.read(splitDir.resolve(StatisticsJson.FILE_NAME));
 *
 * // in a pipeline, written by a worker to any Beam file system:
 * statistics.apply(StatisticsJson.writeTo("gs://bucket/run/Split-train"));
 * DatasetStatistics after = StatisticsJson.read("gs://bucket/run/Split-train/statistics.json");
 * }</pre>
 *
 * <p>The reader rejects a document with another {@code formatVersion} or a missing field with an
 * {@link IllegalArgumentException} that names the field and where it is.
 */
public final class StatisticsJson {
  /** The artifact's file name inside a split's folder. */
  public static final String FILE_NAME = "statistics.json";

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private StatisticsJson() {}

  /** The JSON text of the statistics. */
  public static String toJson(DatasetStatistics statistics) {
    try {
      return MAPPER.writeValueAsString(dataset(statistics));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write statistics as JSON", e);
    }
  }

  /**
   * Statistics from JSON text.
   *
   * @throws IllegalArgumentException if the text is not statistics of a supported format version
   */
  public static DatasetStatistics fromJson(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("statistics JSON is not valid JSON: " + e.getMessage(), e);
    }
    return dataset(root);
  }

  /**
   * Writes the statistics to {@code file} (a path or a URI such as {@code gs://bucket/dir/statistics.json})
   * as UTF-8 JSON, through Beam's file systems.
   */
  public static void write(DatasetStatistics statistics, String file) throws IOException {
    ArtifactFiles.writeText(file, toJson(statistics));
  }

  /** Writes the statistics to a local {@code file}; see {@link #write(DatasetStatistics, String)}. */
  public static void write(DatasetStatistics statistics, Path file) throws IOException {
    write(statistics, file.toAbsolutePath().toString());
  }

  /**
   * Reads statistics from a {@code statistics.json} file (a path or a URI) through Beam's file
   * systems; see {@link #fromJson}. Errors are prefixed with the file's name.
   */
  public static DatasetStatistics read(String file) throws IOException {
    return parse(ArtifactFiles.readText(file), file);
  }

  /** Reads statistics from a local {@code statistics.json} file; see {@link #read(String)}. */
  public static DatasetStatistics read(Path file) throws IOException {
    return parse(ArtifactFiles.readText(file.toAbsolutePath().toString()), file.toString());
  }

  private static DatasetStatistics parse(String json, String file) {
    try {
      return fromJson(json);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * A transform that writes the one statistics element of its input to {@code
   * <folder>/statistics.json} through Beam's file systems, on a worker: {@code folder} may be a
   * path or a URI such as {@code hdfs://namenode/pipelines/penguin/Split-train}.
   *
   * <pre>{@code
   * rows.apply(Statistics.generate().withSplit("train")).apply(StatisticsJson.writeTo(root + "/Split-train"));
   * }</pre>
   */
  public static WriteArtifact<DatasetStatistics> writeTo(String folder) {
    return WriteArtifact.one("StatisticsJson.writeTo", ArtifactFiles.resolve(folder, FILE_NAME), StatisticsJson::toJson);
  }

  // ---- writing ----

  private static ObjectNode dataset(DatasetStatistics statistics) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("formatVersion", DatasetStatistics.FORMAT_VERSION);
    node.put("dataset", statistics.name());
    node.put("split", statistics.split());
    node.put("weightColumn", statistics.weightColumn());
    ObjectNode options = node.putObject("options");
    options.put("topK", statistics.options().topK());
    options.put("histogramBuckets", statistics.options().histogramBuckets());
    options.put("rankHistogramBuckets", statistics.options().rankHistogramBuckets());
    sliceFigures(node, statistics.overall());
    ArrayNode slices = node.putArray("slices");
    for (SliceStatistics slice : statistics.slices()) {
      ObjectNode sliceNode = slices.addObject();
      sliceNode.put("column", slice.column());
      sliceNode.put("value", slice.value());
      sliceFigures(sliceNode, slice);
    }
    return node;
  }

  private static void sliceFigures(ObjectNode node, SliceStatistics slice) {
    node.put("rowCount", slice.rowCount());
    putDouble(node, "weightedRowCount", slice.weightedRowCount());
    ArrayNode features = node.putArray("features");
    for (FeatureStatistics feature : slice.features()) {
      feature(features.addObject(), feature);
    }
  }

  private static void feature(ObjectNode node, FeatureStatistics feature) {
    node.put("name", feature.name());
    node.put("type", feature.type().name());
    node.put("count", feature.count());
    node.put("numNonMissing", feature.numNonMissing());
    node.put("numMissing", feature.numMissing());
    putDouble(node, "weightedNumNonMissing", feature.weightedNumNonMissing());
    if (feature.numeric() != null) {
      numeric(node.putObject("numeric"), feature.numeric());
    }
    if (feature.string() != null) {
      string(node.putObject("string"), feature.string());
    }
    if (feature.bool() != null) {
      ObjectNode bool = node.putObject("boolean");
      bool.put("numTrue", feature.bool().numTrue());
      bool.put("numFalse", feature.bool().numFalse());
    }
  }

  private static void numeric(ObjectNode node, NumericStatistics numeric) {
    putDouble(node, "min", numeric.min());
    putDouble(node, "max", numeric.max());
    putDouble(node, "mean", numeric.mean());
    putDouble(node, "stdDev", numeric.stdDev());
    node.put("numZeros", numeric.numZeros());
    node.put("numNaN", numeric.numNaN());
    node.put("numPositiveInfinity", numeric.numPositiveInfinity());
    node.put("numNegativeInfinity", numeric.numNegativeInfinity());
    putDouble(node, "weightedNumFinite", numeric.weightedNumFinite());
    putDouble(node, "weightedMean", numeric.weightedMean());
    putDouble(node, "median", numeric.median());
    ArrayNode quantiles = node.putArray("quantiles");
    numeric.quantiles().forEach(quantiles::add);
    histogram(node.putArray("histogram"), numeric.histogram());
    histogram(node.putArray("quantileHistogram"), numeric.quantileHistogram());
    node.put("quantilesSketch", numeric.quantilesSketch());
  }

  private static void histogram(ArrayNode array, List<HistogramBucket> buckets) {
    for (HistogramBucket bucket : buckets) {
      ObjectNode node = array.addObject();
      node.put("low", bucket.low());
      node.put("high", bucket.high());
      node.put("sampleCount", bucket.sampleCount());
    }
  }

  private static void string(ObjectNode node, StringStatistics string) {
    node.put("distinctCount", string.distinctCount());
    valueCounts(node.putArray("topValues"), string.topValues());
    valueCounts(node.putArray("weightedTopValues"), string.weightedTopValues());
    ArrayNode ranks = node.putArray("rankHistogram");
    for (RankBucket bucket : string.rankHistogram()) {
      ObjectNode rank = ranks.addObject();
      rank.put("lowRank", bucket.lowRank());
      rank.put("highRank", bucket.highRank());
      rank.put("label", bucket.label());
      rank.put("sampleCount", bucket.sampleCount());
    }
    putDouble(node, "avgLength", string.avgLength());
    node.put("minLength", string.minLength());
    node.put("maxLength", string.maxLength());
    node.put("totalLength", string.totalLength());
    node.put("maxFrequencyError", string.maxFrequencyError());
    node.put("frequentItemsSketch", string.frequentItemsSketch());
    node.put("weightedFrequentItemsSketch", string.weightedFrequentItemsSketch());
    node.put("distinctSketch", string.distinctSketch());
  }

  private static void valueCounts(ArrayNode array, List<ValueCount> values) {
    for (ValueCount value : values) {
      ObjectNode node = array.addObject();
      node.put("value", value.value());
      node.put("count", value.count());
    }
  }

  private static void putDouble(ObjectNode node, String field, double value) {
    if (Double.isNaN(value)) {
      node.putNull(field);
    } else {
      node.put(field, value);
    }
  }

  // ---- reading ----

  private static DatasetStatistics dataset(JsonNode root) {
    Fields fields = new Fields(root, "statistics");
    long version = fields.longValue("formatVersion");
    if (version != DatasetStatistics.FORMAT_VERSION) {
      throw new IllegalArgumentException(
          "statistics have formatVersion "
              + version
              + " but this reader reads formatVersion "
              + DatasetStatistics.FORMAT_VERSION
              + ": use a Tributary version that supports it");
    }
    Fields options = fields.object("options");
    StatisticsOptions parsedOptions =
        StatisticsOptions.of(
            (int) options.longValue("topK"),
            (int) options.longValue("histogramBuckets"),
            (int) options.longValue("rankHistogramBuckets"));
    List<SliceStatistics> slices =
        fields.list("slices", slice -> slice(slice, slice.string("column"), slice.string("value")));
    return DatasetStatistics.of(
        fields.requiredString("dataset"),
        fields.requiredString("split"),
        fields.string("weightColumn"),
        parsedOptions,
        slice(fields, null, null),
        slices);
  }

  private static SliceStatistics slice(
      Fields fields, @Nullable String column, @Nullable String value) {
    return SliceStatistics.of(
        column,
        value,
        fields.longValue("rowCount"),
        fields.doubleValue("weightedRowCount"),
        fields.list("features", StatisticsJson::feature));
  }

  private static FeatureStatistics feature(Fields fields) {
    String typeName = fields.requiredString("type");
    FeatureType type;
    try {
      type = FeatureType.valueOf(typeName);
    } catch (IllegalArgumentException e) {
      throw fields.invalid("type", "unknown feature type " + typeName);
    }
    return FeatureStatistics.builder()
        .setName(fields.requiredString("name"))
        .setType(type)
        .setNumNonMissing(fields.longValue("numNonMissing"))
        .setNumMissing(fields.longValue("numMissing"))
        .setWeightedNumNonMissing(fields.doubleValue("weightedNumNonMissing"))
        .setNumeric(type.isNumeric() ? numeric(fields.object("numeric")) : null)
        .setString(type == FeatureType.STRING ? string(fields.object("string")) : null)
        .setBool(type == FeatureType.BOOLEAN ? bool(fields.object("boolean")) : null)
        .build();
  }

  private static NumericStatistics numeric(Fields fields) {
    return NumericStatistics.builder()
        .setMin(fields.doubleValue("min"))
        .setMax(fields.doubleValue("max"))
        .setMean(fields.doubleValue("mean"))
        .setStdDev(fields.doubleValue("stdDev"))
        .setNumZeros(fields.longValue("numZeros"))
        .setNumNaN(fields.longValue("numNaN"))
        .setNumPositiveInfinity(fields.longValue("numPositiveInfinity"))
        .setNumNegativeInfinity(fields.longValue("numNegativeInfinity"))
        .setWeightedNumFinite(fields.doubleValue("weightedNumFinite"))
        .setWeightedMean(fields.doubleValue("weightedMean"))
        .setMedian(fields.doubleValue("median"))
        .setQuantiles(fields.doubles("quantiles"))
        .setHistogram(fields.list("histogram", StatisticsJson::bucket))
        .setQuantileHistogram(fields.list("quantileHistogram", StatisticsJson::bucket))
        .setQuantilesSketch(fields.requiredString("quantilesSketch"))
        .build();
  }

  private static HistogramBucket bucket(Fields fields) {
    return HistogramBucket.of(
        fields.doubleValue("low"), fields.doubleValue("high"), fields.doubleValue("sampleCount"));
  }

  private static StringStatistics string(Fields fields) {
    return StringStatistics.builder()
        .setDistinctCount(fields.longValue("distinctCount"))
        .setTopValues(fields.list("topValues", StatisticsJson::valueCount))
        .setWeightedTopValues(fields.list("weightedTopValues", StatisticsJson::valueCount))
        .setRankHistogram(
            fields.list(
                "rankHistogram",
                rank ->
                    RankBucket.of(
                        rank.longValue("lowRank"),
                        rank.longValue("highRank"),
                        rank.requiredString("label"),
                        rank.doubleValue("sampleCount"))))
        .setAvgLength(fields.doubleValue("avgLength"))
        .setMinLength(fields.longValue("minLength"))
        .setMaxLength(fields.longValue("maxLength"))
        .setTotalLength(fields.longValue("totalLength"))
        .setMaxFrequencyError(fields.longValue("maxFrequencyError"))
        .setFrequentItemsSketch(fields.requiredString("frequentItemsSketch"))
        .setWeightedFrequentItemsSketch(fields.string("weightedFrequentItemsSketch"))
        .setDistinctSketch(fields.requiredString("distinctSketch"))
        .build();
  }

  private static ValueCount valueCount(Fields fields) {
    return ValueCount.of(fields.requiredString("value"), fields.doubleValue("count"));
  }

  private static BooleanStatistics bool(Fields fields) {
    return BooleanStatistics.of(fields.longValue("numTrue"), fields.longValue("numFalse"));
  }

  /** Typed access to a JSON object's fields, with errors that say where the problem is. */
  private static final class Fields {
    private final JsonNode node;
    private final String where;

    Fields(JsonNode node, String where) {
      if (!node.isObject()) {
        throw new IllegalArgumentException(where + " must be a JSON object");
      }
      this.node = node;
      this.where = where;
    }

    IllegalArgumentException invalid(String field, String problem) {
      return new IllegalArgumentException(where + "." + field + ": " + problem);
    }

    private JsonNode get(String field) {
      JsonNode value = node.get(field);
      if (value == null) {
        throw invalid(field, "missing");
      }
      return value;
    }

    long longValue(String field) {
      JsonNode value = get(field);
      if (!value.isIntegralNumber() || !value.canConvertToLong()) {
        throw invalid(field, "must be a whole number, not " + value);
      }
      return value.longValue();
    }

    double doubleValue(String field) {
      return toDouble(field, get(field));
    }

    private double toDouble(String field, JsonNode value) {
      if (value.isNull()) {
        return Double.NaN;
      }
      if (!value.isNumber()) {
        throw invalid(field, "must be a number or null, not " + value);
      }
      return value.doubleValue();
    }

    @Nullable String string(String field) {
      JsonNode value = get(field);
      if (value.isNull()) {
        return null;
      }
      if (!value.isTextual()) {
        throw invalid(field, "must be a string or null, not " + value);
      }
      return value.textValue();
    }

    String requiredString(String field) {
      String value = string(field);
      if (value == null) {
        throw invalid(field, "must not be null");
      }
      return value;
    }

    Fields object(String field) {
      return new Fields(get(field), where + "." + field);
    }

    private JsonNode array(String field) {
      JsonNode value = get(field);
      if (!value.isArray()) {
        throw invalid(field, "must be an array");
      }
      return value;
    }

    List<Double> doubles(String field) {
      List<Double> result = new ArrayList<>();
      for (JsonNode element : array(field)) {
        result.add(toDouble(field, element));
      }
      return result;
    }

    <T> List<T> list(String field, Function<Fields, T> parse) {
      JsonNode array = array(field);
      List<T> result = new ArrayList<>(array.size());
      for (int i = 0; i < array.size(); i++) {
        result.add(parse.apply(new Fields(array.get(i), where + "." + field + "[" + i + "]")));
      }
      return result;
    }
  }
}
