package io.tributary.transforms.evaluate;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.TypeName;
import org.apache.beam.sdk.values.Row;

/**
 * Which rows a metric is computed over: all of them ({@link #overall()}), the rows of each value of
 * one column ({@link #by}), or of each pair of values of two columns ({@link #cross}).
 *
 * <pre>{@code
 * Evaluate.classification("species")
 *     .withSlices(Slice.overall(), Slice.by("island"), Slice.cross("island", "sex"));
 * }</pre>
 *
 * <p>In a config file a slice is its list of columns: {@code []}, {@code [island]}, {@code [island,
 * sex]}, or a single column name as a plain string. Slice columns must be STRING, BOOLEAN or integer
 * columns (a slice per distinct floating-point value is never what is meant); a missing value is
 * the value {@value SliceKey#MISSING}.
 *
 * @param columns the columns whose values name a slice: none, one or two
 */
public record Slice(List<String> columns) implements Serializable {

  private static final List<TypeName> SLICEABLE =
      List.of(TypeName.STRING, TypeName.BOOLEAN, TypeName.BYTE, TypeName.INT16, TypeName.INT32, TypeName.INT64);

  public Slice {
    if (columns == null) {
      columns = List.of();
    }
    columns = List.copyOf(columns);
    if (columns.size() > 2) {
      throw new IllegalArgumentException(
          "a slice crosses at most two columns, not " + columns + ": list the crosses you need separately");
    }
    for (String column : columns) {
      if (column == null || column.isBlank()) {
        throw new IllegalArgumentException("a slice column is empty in " + columns + ": name a column");
      }
    }
    if (new HashSet<>(columns).size() != columns.size()) {
      throw new IllegalArgumentException("slice " + columns + " names a column twice: cross two different columns");
    }
  }

  /** Every row: the slice the model is judged on first. */
  public static Slice overall() {
    return new Slice(List.of());
  }

  /** One slice per value of {@code column}. */
  public static Slice by(String column) {
    return new Slice(List.of(column));
  }

  /** One slice per pair of values of {@code first} and {@code second}. */
  public static Slice cross(String first, String second) {
    return new Slice(List.of(first, second));
  }

  /** Reads {@code island}, {@code [island]} or {@code [island, sex]} (an empty list is overall). */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static Slice fromJson(Object value) {
    if (value instanceof String column) {
      return by(column);
    }
    if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
      return new Slice(list.stream().map(String.class::cast).toList());
    }
    throw new IllegalArgumentException(
        "a slice is a column name or a list of up to two column names, not " + value);
  }

  @JsonValue
  List<String> toJson() {
    return columns;
  }

  public boolean isOverall() {
    return columns.isEmpty();
  }

  /** The key of the slice of this kind that {@code row} belongs to. */
  SliceKey keyOf(Row row) {
    String[] values = new String[columns.size()];
    for (int i = 0; i < values.length; i++) {
      Object value = row.getValue(columns.get(i));
      values[i] = value == null ? SliceKey.MISSING : String.valueOf(value);
    }
    return new SliceKey(columns, List.of(values));
  }

  /** Fails unless every column is in {@code schema} and of a type that slices, naming the fix. */
  void check(Schema schema) {
    for (String column : columns) {
      if (!schema.hasField(column)) {
        throw new IllegalArgumentException(
            "slice " + columns + ": the rows have no column '" + column + "'; name columns among " + schema.getFieldNames());
      }
      TypeName type = schema.getField(column).getType().getTypeName();
      if (!SLICEABLE.contains(type)) {
        throw new IllegalArgumentException(
            "slice " + columns + ": column '" + column + "' is " + type
                + ", which would give a slice per value; slice by a STRING, BOOLEAN or integer column");
      }
    }
  }

  @Override
  public String toString() {
    return isOverall() ? SliceKey.OVERALL_TEXT : String.join(" x ", columns);
  }
}
