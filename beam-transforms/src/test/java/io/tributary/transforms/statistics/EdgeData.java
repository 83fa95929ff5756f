package io.tributary.transforms.statistics;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;

/** 10,000 rows whose columns each hold one edge case; see the field comments. */
final class EdgeData {
  static final int ROWS = 10_000;
  static final String LONG_TEXT = "x".repeat(50_000);
  static final List<String> UNICODE = List.of("naïve", "日本語", "emoji 😀", "", "Ω");

  static final Schema SCHEMA =
      Schema.builder()
          .addField("id", FieldType.INT64)
          // 7.5 in every row
          .addField("constant", FieldType.DOUBLE)
          .addNullableField("all_missing", FieldType.DOUBLE)
          .addNullableField("all_missing_text", FieldType.STRING)
          // 1e300, -1e300, 1e-300, missing
          .addNullableField("extremes", FieldType.DOUBLE)
          // NaN, +inf, -inf, 0, 1.5, -2
          .addField("non_finite", FieldType.DOUBLE)
          // "hot" in 30% of rows, 7000 distinct others: past the exact limit
          .addField("skewed", FieldType.STRING)
          // 10,000 distinct values
          .addField("distinct", FieldType.STRING)
          .addField("unicode", FieldType.STRING)
          // 50,000 characters in row 0, "y" in row 1, missing elsewhere
          .addNullableField("long_text", FieldType.STRING)
          .addNullableField("flag", FieldType.BOOLEAN)
          .addField("small", FieldType.INT16)
          .addField("tiny", FieldType.BYTE)
          .addField("single", FieldType.FLOAT)
          .addField("count32", FieldType.INT32)
          .addNullableField("bytes", FieldType.BYTES)
          .build();

  private static final double[] NON_FINITE = {
    Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0, 1.5, -2
  };
  private static final Double[] EXTREMES = {1e300, -1e300, 1e-300, null};

  private static List<Row> rows;

  private EdgeData() {}

  static synchronized List<Row> rows() {
    if (rows == null) {
      rows = new ArrayList<>(ROWS);
      for (int i = 0; i < ROWS; i++) {
        rows.add(
            Row.withSchema(SCHEMA)
                .addValues(
                    (long) i,
                    7.5,
                    null,
                    null,
                    EXTREMES[i % 4],
                    NON_FINITE[i % 6],
                    i % 10 < 3 ? "hot" : "s" + i,
                    "v" + i,
                    UNICODE.get(i % 5),
                    i == 0 ? LONG_TEXT : i == 1 ? "y" : null,
                    i % 3 == 2 ? null : i % 3 == 0,
                    (short) (i % 7 - 3),
                    (byte) (i % 256 - 128),
                    i / 8f,
                    i * 1000,
                    i % 2 == 0 ? new byte[] {1, 2} : null)
                .build());
      }
    }
    return rows;
  }
}
