package io.tributary.transforms.monitor;

import io.tributary.transforms.inference.PredictionRows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/**
 * Joins ground truth that arrives after the answer (a labels file keyed by request id) to the
 * predictions a model server logged, so that realized accuracy can be computed per log span with
 * {@code Evaluate}.
 *
 * <pre>{@code
 * PCollection<Row> logged = ...;    // a log span: raw features, request_id, request_instance, prediction, probability_*
 * PCollection<Row> labels = ...;    // request_id, request_instance, species
 * LabelJoin.Result joined = logged.apply(GroundTruth.join(labels)
 *     .on("request_id", "request_instance").withLabel("species"));
 * joined.output().apply(Evaluate.classification("species"));     // accuracy, F1, log loss, ...
 * joined.unmatchedLabels();        // labels no logged prediction has: counted, kept
 * joined.unmatchedPredictions();   // predictions whose label has not arrived (yet)
 * }</pre>
 *
 * <p>Keys are compared by their values' text, so a key read as a number from a CSV file
 * ({@code 7}) matches the same number logged as a long. The joined rows hold every logged column,
 * the label and, when the log has one column per class ({@code probability_<class>}) and no
 * {@code probabilities} map, that map (what {@code Evaluate} reads for log loss and AUCs).
 */
public final class GroundTruth {

  /** The request log's key columns, with which labels are joined by default. */
  public static final List<String> REQUEST_KEY = List.of("request_id", "request_instance");

  /** The prefix of the request log's per-class probability columns. */
  public static final String PROBABILITY_PREFIX = "probability_";

  private GroundTruth() {}

  /**
   * A join of {@code labels} (rows with the key columns and a label column) to the logged
   * predictions it is applied to; configure the key with {@link LabelJoin#on} and the label with
   * {@link LabelJoin#withLabel} (required).
   */
  public static LabelJoin join(PCollection<Row> labels) {
    if (labels == null) {
      throw new IllegalArgumentException("join(null): pass the labels, e.g. the rows ExampleGen read from labels.csv");
    }
    return LabelJoin.of(labels);
  }

  /**
   * The class of each per-class probability column of {@code logged}: {@code probability_Adelie}
   * is class {@code Adelie}. Empty when the rows carry a {@code probabilities} map already or no
   * such columns.
   */
  static Map<String, String> probabilityColumns(Schema logged) {
    Map<String, String> classes = new LinkedHashMap<>();
    if (logged.hasField(PredictionRows.PROBABILITIES)) {
      return classes;
    }
    for (Schema.Field field : logged.getFields()) {
      String name = field.getName();
      if (name.startsWith(PROBABILITY_PREFIX) && name.length() > PROBABILITY_PREFIX.length()
          && field.getType().getTypeName().isNumericType()) {
        classes.put(name, name.substring(PROBABILITY_PREFIX.length()));
      }
    }
    return classes;
  }

  /** The joined rows' schema: the logged columns, the label, then {@code probabilities} when built. */
  static Schema joinedSchema(Schema logged, Schema.Field label, boolean withProbabilities) {
    List<Schema.Field> fields = new ArrayList<>(logged.getFields());
    fields.add(label.withNullable(true));
    if (withProbabilities) {
      fields.add(Schema.Field.nullable(PredictionRows.PROBABILITIES, FieldType.map(FieldType.STRING, FieldType.DOUBLE)));
    }
    return Schema.builder().addFields(fields).build();
  }
}
