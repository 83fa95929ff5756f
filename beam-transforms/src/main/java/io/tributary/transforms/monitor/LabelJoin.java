package io.tributary.transforms.monitor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * The transform {@link GroundTruth#join} returns: logged predictions in, {@link Result} out. Every
 * logged row and every label row ends in exactly one place: joined, an unmatched prediction, or an
 * unmatched label; none is dropped. A key with two different labels is a conflict: its labels are
 * unmatched and its predictions unlabelled (a label repeated with the same value counts once).
 *
 * <p>Counters (namespace {@value #METRICS_NAMESPACE}): {@code matched}, {@code
 * unmatched_predictions}, {@code unmatched_labels}, {@code conflicting_labels}, {@code
 * duplicate_labels}.
 */
public final class LabelJoin extends PTransform<PCollection<Row>, LabelJoin.Result> {
  private static final long serialVersionUID = 1L;

  public static final String METRICS_NAMESPACE = "tributary.monitor";

  private final transient PCollection<Row> labels;
  private final List<String> keys;
  private final String label;

  private LabelJoin(PCollection<Row> labels, List<String> keys, String label) {
    this.labels = labels;
    this.keys = keys;
    this.label = label;
  }

  static LabelJoin of(PCollection<Row> labels) {
    return new LabelJoin(labels, GroundTruth.REQUEST_KEY, null);
  }

  /** The key columns both sides have (default {@code request_id, request_instance}). */
  public LabelJoin on(String... columns) {
    if (columns == null || columns.length == 0 || List.of(columns).stream().anyMatch(c -> c == null || c.isBlank())) {
      throw new IllegalArgumentException("on(): name the key columns, e.g. on(\"request_id\")");
    }
    return new LabelJoin(labels, List.of(columns), label);
  }

  /** The label column of the labels (required); it must not also be a logged column. */
  public LabelJoin withLabel(String column) {
    if (column == null || column.isBlank()) {
      throw new IllegalArgumentException("withLabel(): name the label column of the labels, e.g. withLabel(\"species\")");
    }
    return new LabelJoin(labels, keys, column);
  }

  @Override
  public Result expand(PCollection<Row> logged) {
    if (label == null) {
      throw new IllegalArgumentException("withLabel() is required: name the label column of the labels");
    }
    if (!logged.hasSchema() || !labels.hasSchema()) {
      throw new IllegalArgumentException("GroundTruth.join() needs rows with a schema on both sides: setRowSchema()");
    }
    Schema loggedSchema = logged.getSchema();
    Schema labelSchema = labels.getSchema();
    requireColumns("logged predictions", loggedSchema, keys);
    requireColumns("labels", labelSchema, keys);
    requireColumns("labels", labelSchema, List.of(label));
    if (loggedSchema.hasField(label)) {
      throw new IllegalArgumentException("the logged predictions have a column '" + label
          + "' already: rename the labels' column, or name another with withLabel()");
    }
    Map<String, String> probabilities = GroundTruth.probabilityColumns(loggedSchema);
    Schema joined = GroundTruth.joinedSchema(loggedSchema, labelSchema.getField(label), !probabilities.isEmpty());

    TupleTag<Row> predictionTag = new TupleTag<>("predictions");
    TupleTag<Row> labelTag = new TupleTag<>("labels");
    PCollection<KV<String, CoGbkResult>> grouped = KeyedPCollectionTuple
        .of(predictionTag, keyed("KeyPredictions", logged))
        .and(labelTag, keyed("KeyLabels", labels))
        .apply("Join", CoGroupByKey.create());
    PCollectionTuple out = grouped.apply("Match", ParDo.of(
            new MatchFn(predictionTag, labelTag, label, probabilities, joined))
        .withOutputTags(Result.JOINED, TupleTagList.of(Result.UNMATCHED_PREDICTIONS).and(Result.UNMATCHED_LABELS)));
    return new Result(
        out.get(Result.JOINED).setRowSchema(joined),
        out.get(Result.UNMATCHED_PREDICTIONS).setRowSchema(loggedSchema),
        out.get(Result.UNMATCHED_LABELS).setRowSchema(labelSchema));
  }

  private PCollection<KV<String, Row>> keyed(String name, PCollection<Row> rows) {
    return rows.apply(name, ParDo.of(new KeyFn(keys))).setCoder(KvCoder.of(StringUtf8Coder.of(), rows.getCoder()));
  }

  private static void requireColumns(String side, Schema schema, List<String> columns) {
    for (String column : columns) {
      if (!schema.hasField(column)) {
        throw new IllegalArgumentException("the " + side + " have no column '" + column + "'; columns are "
            + schema.getFieldNames() + ": name the key with on(...) and the label with withLabel(...)");
      }
    }
  }

  /**
   * Keys a row by its key columns' values as text; a row with a missing key value gets a key of
   * its own (it can match nothing, and is reported unmatched).
   */
  private static final class KeyFn extends DoFn<Row, KV<String, Row>> {
    private final List<String> keys;

    KeyFn(List<String> keys) {
      this.keys = List.copyOf(keys);
    }

    @ProcessElement
    public void process(@Element Row row, OutputReceiver<KV<String, Row>> out) {
      StringBuilder key = new StringBuilder();
      for (String column : keys) {
        Object value = row.getValue(column);
        if (value == null) {
          out.output(KV.of("\u0001missing", row));
          return;
        }
        String text = String.valueOf(value);
        // Length-prefixed, so that no two different keys join to the same text.
        key.append(text.length()).append(':').append(text);
      }
      out.output(KV.of(key.toString(), row));
    }
  }

  private static final class MatchFn extends DoFn<KV<String, CoGbkResult>, Row> {
    private final TupleTag<Row> predictionTag;
    private final TupleTag<Row> labelTag;
    private final String label;
    private final Map<String, String> probabilities;
    private final Schema joined;
    private final Counter matched = Metrics.counter(METRICS_NAMESPACE, "matched");
    private final Counter unmatchedPredictions = Metrics.counter(METRICS_NAMESPACE, "unmatched_predictions");
    private final Counter unmatchedLabels = Metrics.counter(METRICS_NAMESPACE, "unmatched_labels");
    private final Counter conflicting = Metrics.counter(METRICS_NAMESPACE, "conflicting_labels");
    private final Counter duplicates = Metrics.counter(METRICS_NAMESPACE, "duplicate_labels");

    MatchFn(TupleTag<Row> predictionTag, TupleTag<Row> labelTag, String label, Map<String, String> probabilities,
        Schema joined) {
      this.predictionTag = predictionTag;
      this.labelTag = labelTag;
      this.label = label;
      this.probabilities = new LinkedHashMap<>(probabilities);
      this.joined = joined;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> group, MultiOutputReceiver out) {
      List<Row> labelRows = new ArrayList<>();
      group.getValue().getAll(labelTag).forEach(labelRows::add);
      Iterable<Row> predictions = group.getValue().getAll(predictionTag);
      boolean missingKey = group.getKey().startsWith("\u0001");
      boolean anyPrediction = predictions.iterator().hasNext();
      Map<Object, Row> distinct = new HashMap<>();
      labelRows.forEach(row -> distinct.putIfAbsent(row.getValue(label), row));
      boolean usable = !missingKey && anyPrediction && distinct.size() == 1;
      if (!usable) {
        if (!missingKey && anyPrediction && distinct.size() > 1) {
          conflicting.inc(labelRows.size());
        }
        labelRows.forEach(row -> out.get(Result.UNMATCHED_LABELS).output(row));
        unmatchedLabels.inc(labelRows.size());
        for (Row prediction : predictions) {
          out.get(Result.UNMATCHED_PREDICTIONS).output(prediction);
          unmatchedPredictions.inc();
        }
        return;
      }
      duplicates.inc(labelRows.size() - 1);
      Object value = labelRows.get(0).getValue(label);
      for (Row prediction : predictions) {
        List<Object> values = new ArrayList<>(prediction.getValues());
        values.add(value);
        if (!probabilities.isEmpty()) {
          values.add(probabilitiesOf(prediction));
        }
        out.get(Result.JOINED).output(Row.withSchema(joined).addValues(values).build());
        matched.inc();
      }
    }

    /** The per-class columns as the map {@code Evaluate} reads; null when the row has none. */
    private Map<String, Double> probabilitiesOf(Row prediction) {
      Map<String, Double> map = new LinkedHashMap<>();
      probabilities.forEach((column, cls) -> {
        Object p = prediction.getValue(column);
        if (p != null) {
          map.put(cls, ((Number) p).doubleValue());
        }
      });
      return map.isEmpty() ? null : map;
    }
  }

  /** The joined rows, the predictions no label matched, and the labels no prediction matched. */
  public static final class Result implements POutput {
    static final TupleTag<Row> JOINED = new TupleTag<>("joined") {};
    static final TupleTag<Row> UNMATCHED_PREDICTIONS = new TupleTag<>("unmatchedPredictions") {};
    static final TupleTag<Row> UNMATCHED_LABELS = new TupleTag<>("unmatchedLabels") {};

    private final PCollection<Row> output;
    private final PCollection<Row> unmatchedPredictions;
    private final PCollection<Row> unmatchedLabels;

    Result(PCollection<Row> output, PCollection<Row> unmatchedPredictions, PCollection<Row> unmatchedLabels) {
      this.output = output;
      this.unmatchedPredictions = unmatchedPredictions;
      this.unmatchedLabels = unmatchedLabels;
    }

    /** The logged rows that have a label, with the label column (and {@code probabilities}) added. */
    public PCollection<Row> output() {
      return output;
    }

    /** Logged rows without a label (not arrived yet, or its key's labels conflict), unchanged. */
    public PCollection<Row> unmatchedPredictions() {
      return unmatchedPredictions;
    }

    /** Label rows that match no logged prediction (or conflict with another label of the key), unchanged. */
    public PCollection<Row> unmatchedLabels() {
      return unmatchedLabels;
    }

    @Override
    public Pipeline getPipeline() {
      return output.getPipeline();
    }

    @Override
    public Map<TupleTag<?>, PValue> expand() {
      Map<TupleTag<?>, PValue> values = new LinkedHashMap<>();
      values.put(JOINED, output);
      values.put(UNMATCHED_PREDICTIONS, unmatchedPredictions);
      values.put(UNMATCHED_LABELS, unmatchedLabels);
      return values;
    }

    @Override
    public void finishSpecifyingOutput(String transformName, PInput input, PTransform<?, ?> transform) {}
  }
}
