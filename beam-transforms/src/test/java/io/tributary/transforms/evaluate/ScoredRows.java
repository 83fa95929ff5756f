package io.tributary.transforms.evaluate;

import io.tributary.transforms.inference.PredictionRows;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;

/** Hand-made scored rows, small enough to check every metric by hand. */
final class ScoredRows {

  static final Schema CLASSIFICATION =
      Schema.builder()
          .addNullableField("species", FieldType.STRING)
          .addNullableField("island", FieldType.STRING)
          .addNullableField("sex", FieldType.STRING)
          .addDoubleField("mass")
          .addStringField(PredictionRows.PREDICTION)
          .addMapField(PredictionRows.PROBABILITIES, FieldType.STRING, FieldType.DOUBLE)
          .build();

  /**
   * label, prediction, p(b) (p(a) = 1 - p(b)), island, sex. Overall: 3 of 5 right; binary AUC 5/6
   * (positive b scores 0.8 and 0.3 against negatives 0.1, 0.6, 0.2: 5 of 6 pairs ordered right).
   */
  static final List<Row> BINARY =
      List.of(
          classified("a", "a", 0.1, "X", "m"),
          classified("a", "b", 0.6, "X", "f"),
          classified("b", "b", 0.8, "Y", "m"),
          classified("b", "a", 0.3, "Y", null),
          classified("a", "a", 0.2, null, "f"));

  static final Schema REGRESSION =
      Schema.builder()
          .addNullableField("y", FieldType.DOUBLE)
          .addInt64Field("group")
          .addDoubleField(PredictionRows.PREDICTION)
          .build();

  /** group 1 predicted exactly; group 2 off by 1 and one row without a label. */
  static final List<Row> NUMBERS =
      List.of(
          Row.withSchema(REGRESSION).addValues(1.0, 1L, 1.0).build(),
          Row.withSchema(REGRESSION).addValues(2.0, 1L, 2.0).build(),
          Row.withSchema(REGRESSION).addValues(3.0, 2L, 4.0).build(),
          Row.withSchema(REGRESSION).addValues(null, 2L, 9.0).build());

  private ScoredRows() {}

  private static Row classified(String label, String predicted, double pb, String island, String sex) {
    return Row.withSchema(CLASSIFICATION)
        .addValues(label, island, sex, 1.0, predicted, Map.of("a", 1 - pb, "b", pb))
        .build();
  }

  static SliceKey key(String... columnsAndValues) {
    List<String> columns = new java.util.ArrayList<>();
    List<String> values = new java.util.ArrayList<>();
    for (int i = 0; i < columnsAndValues.length; i += 2) {
      columns.add(columnsAndValues[i]);
      values.add(columnsAndValues[i + 1]);
    }
    return new SliceKey(columns, values);
  }
}
