package io.tributary.transforms.transform;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;

/** Hand-made rows for exact expectations: x DOUBLE?, n INT64?, c STRING?, d STRING?. */
final class SmallData {

  static final Schema SCHEMA =
      Schema.builder()
          .addNullableField("x", FieldType.DOUBLE)
          .addNullableField("n", FieldType.INT64)
          .addNullableField("c", FieldType.STRING)
          .addNullableField("d", FieldType.STRING)
          .build();

  private SmallData() {}

  static Row row(Double x, Long n, String c, String d) {
    return Row.withSchema(SCHEMA).addValues(x, n, c, d).build();
  }

  /** x = 1, 2, 3, 4, missing; n = 5, 5, 6, missing, 7; c = b, a, b, missing, b; d = p, q, p, p, q. */
  static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    rows.add(row(1.0, 5L, "b", "p"));
    rows.add(row(2.0, 5L, "a", "q"));
    rows.add(row(3.0, 6L, "b", "p"));
    rows.add(row(4.0, null, null, "p"));
    rows.add(row(null, 7L, "b", "q"));
    return rows;
  }

  /** Fits a one-feature spec reading {@code column}; the other columns are dropped. */
  static TransformFn fit(String column, List<Row> rows, Step... steps) {
    List<String> others = new ArrayList<>(SCHEMA.getFieldNames());
    others.remove(column);
    TransformSpec spec =
        TransformSpec.builder().feature("out", column, steps).drop(others.toArray(new String[0])).build();
    return TransformFn.fit(spec, SCHEMA, rows);
  }

  static TransformFn fit(String column, Step... steps) {
    return fit(column, rows(), steps);
  }

  /** The single output value for one input value of {@code column}. */
  static Object apply(TransformFn fn, String column, Object value) {
    Row in = Row.withSchema(SCHEMA).withFieldValue(column, value).build();
    return fn.apply(in).getValue("out");
  }
}
