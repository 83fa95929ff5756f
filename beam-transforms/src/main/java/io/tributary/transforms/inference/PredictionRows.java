package io.tributary.transforms.inference;

import io.tributary.transforms.model.Score;
import io.tributary.transforms.model.Task;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;

/**
 * The rows {@link BulkInferrer} writes: every input column, then {@value #PREDICTION} (the class
 * label as STRING, or the regression value as DOUBLE) and, for classification, {@value
 * #PROBABILITIES} (class label to probability, {@code MAP<STRING, DOUBLE>}). Avro and Parquet can
 * store them ({@code ExamplesIO.write}).
 */
public final class PredictionRows {

  public static final String PREDICTION = "prediction";
  public static final String PROBABILITIES = "probabilities";

  private PredictionRows() {}

  /** The output schema for inputs of {@code input}; fails if the input already has an output column. */
  public static Schema schema(Schema input, Task task) {
    for (String name : new String[] {PREDICTION, PROBABILITIES}) {
      if (input.hasField(name)) {
        throw new IllegalArgumentException(
            "the input already has a column '" + name + "', which BulkInferrer writes: rename or drop it first");
      }
    }
    Schema.Builder schema = Schema.builder().addFields(input.getFields());
    if (task == Task.CLASSIFICATION) {
      return schema
          .addStringField(PREDICTION)
          .addMapField(PROBABILITIES, FieldType.STRING, FieldType.DOUBLE)
          .build();
    }
    return schema.addDoubleField(PREDICTION).build();
  }

  /** The input row with its score appended, as a row of {@code schema} (from {@link #schema}). */
  public static Row of(Schema schema, Row input, Score score) {
    List<Object> values = new ArrayList<>(schema.getFieldCount());
    values.addAll(input.getValues());
    if (score.value() == null) {
      values.add(score.label());
      values.add(score.probabilities());
    } else {
      values.add(score.value());
    }
    // The input's values were checked when its row was built, and a score's types are fixed: the
    // builder's per-value verification would be a third of the cost of scoring a row.
    return Row.withSchema(schema).attachValues(values);
  }
}
