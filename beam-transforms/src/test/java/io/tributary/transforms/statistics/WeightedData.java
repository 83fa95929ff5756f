package io.tributary.transforms.statistics;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;

/** 60 rows with a weight column (including missing, negative and NaN weights) and slice columns. */
final class WeightedData {
  static final Schema SCHEMA =
      Schema.builder()
          .addNullableField("group", FieldType.STRING)
          .addNullableField("flag", FieldType.BOOLEAN)
          .addNullableField("x", FieldType.DOUBLE)
          .addField("label", FieldType.STRING)
          .addNullableField("w", FieldType.DOUBLE)
          .build();

  private static final List<String> LABELS = List.of("red", "green", "blue", "red", "red");

  private WeightedData() {}

  static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      Double weight =
          i % 13 == 0 ? null : i % 17 == 0 ? -1.0 : i % 19 == 0 ? Double.NaN : 0.5 + i % 4;
      rows.add(
          Row.withSchema(SCHEMA)
              .addValues(
                  i % 7 == 6 ? null : List.of("a", "b", "c").get(i % 3),
                  i % 2 == 0,
                  i % 11 == 0 ? null : i * 1.25 - 20,
                  LABELS.get(i % 5),
                  weight)
              .build());
    }
    return rows;
  }

  /** The weight a row counts with: missing, NaN and negative weights count as 0. */
  static double weight(Row row) {
    Double w = row.getDouble("w");
    return w == null || !(w > 0) ? 0 : w;
  }
}
