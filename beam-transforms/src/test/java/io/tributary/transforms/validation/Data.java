package io.tributary.transforms.validation;

import io.tributary.transforms.statistics.DatasetStatistics;
import io.tributary.transforms.statistics.FeatureStatistics;
import io.tributary.transforms.statistics.LocalStatistics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;

/** Small hand-made data sets and their statistics, computed with StatisticsGen's own code. */
final class Data {
  private Data() {}

  /** Statistics of one nullable column of {@code type} holding {@code values}. */
  static DatasetStatistics column(String name, FieldType type, Object... values) {
    Schema schema = Schema.builder().addNullableField(name, type).build();
    List<Row> rows = new ArrayList<>();
    for (Object value : values) {
      rows.add(Row.withSchema(schema).addValue(value).build());
    }
    return LocalStatistics.compute(schema, rows, null);
  }

  static FeatureStatistics feature(String name, FieldType type, Object... values) {
    return column(name, type, values).feature(name);
  }

  /** Statistics of rows of {@code schema}, each given as its values. */
  static DatasetStatistics table(Schema schema, Object[]... rows) {
    List<Row> list = new ArrayList<>();
    Arrays.stream(rows).forEach(values -> list.add(Row.withSchema(schema).addValues(values).build()));
    return LocalStatistics.compute(schema, list, null);
  }

  static Object[] longs(long... values) {
    return Arrays.stream(values).boxed().toArray();
  }

  static Object[] doubles(double... values) {
    return Arrays.stream(values).boxed().toArray();
  }
}
