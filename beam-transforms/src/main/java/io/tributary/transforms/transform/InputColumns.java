package io.tributary.transforms.transform;

import io.tributary.transforms.examples.ColumnNames;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.Schema.TypeName;

/**
 * The input columns a {@link TransformFn} reads, as stored in {@code transform_fn.json}: name, Beam
 * type name and nullability. Only primitive types are stored, which keeps the file readable from
 * any language; serving records given as maps are converted to these types.
 */
final class InputColumns {

  /**
   * One input column: {@code {"name":"bill_length_mm","type":"DOUBLE","nullable":true}}, with
   * {@code "column": "Culmen Length (mm)"} when the user's column had another name than its field
   * (absent otherwise).
   */
  record Column(String name, String type, boolean nullable, String column) {}

  private static final Set<TypeName> STORABLE =
      EnumSet.of(TypeName.BYTE, TypeName.INT16, TypeName.INT32, TypeName.INT64, TypeName.FLOAT,
          TypeName.DOUBLE, TypeName.STRING, TypeName.BOOLEAN, TypeName.BYTES);

  private InputColumns() {}

  static void checkStorable(Schema.Field field) {
    if (!STORABLE.contains(field.getType().getTypeName())) {
      throw new IllegalArgumentException(
          "column '" + field.getName() + "' is " + field.getType()
              + ": only primitive columns can be passed through; drop it instead");
    }
  }

  static List<Column> toColumns(Schema schema, ColumnNames names) {
    List<Column> columns = new ArrayList<>();
    for (Schema.Field field : schema.getFields()) {
      String original = names.original(field.getName());
      columns.add(
          new Column(
              field.getName(), field.getType().getTypeName().name(), field.getType().getNullable(),
              original.equals(field.getName()) ? null : original));
    }
    return columns;
  }

  /** The original names the columns record; a column without one is named like its field. */
  static ColumnNames toColumnNames(List<Column> columns) {
    Map<String, String> byOriginal = new LinkedHashMap<>();
    columns.forEach(column -> byOriginal.put(column.column() == null ? column.name() : column.column(), column.name()));
    return ColumnNames.of(byOriginal);
  }

  static Schema toSchema(List<Column> columns) {
    Schema.Builder schema = Schema.builder();
    for (Column column : columns) {
      TypeName type;
      try {
        type = TypeName.valueOf(column.type());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("input column '" + column.name() + "' has unknown type " + column.type(), e);
      }
      schema.addField(column.name(), FieldType.of(type).withNullable(column.nullable()));
    }
    return schema.build();
  }

  /** A serving value converted to its column's type; null stays null (a missing value). */
  static Object convert(Schema.Field field, Object value) {
    if (value == null) {
      return null;
    }
    TypeName type = field.getType().getTypeName();
    try {
      switch (type) {
        case STRING:
          return (String) value;
        case BOOLEAN:
          return (Boolean) value;
        case BYTES:
          return (byte[]) value;
        case DOUBLE:
          return ((Number) value).doubleValue();
        case FLOAT:
          return ((Number) value).floatValue();
        default:
          return integer(type, (Number) value);
      }
    } catch (ClassCastException e) {
      throw new IllegalArgumentException(
          "column '" + field.getName() + "' is " + type + " but the record holds " + value.getClass().getSimpleName()
              + " " + value, e);
    }
  }

  private static Object integer(TypeName type, Number value) {
    if (value instanceof Double || value instanceof Float) {
      double d = value.doubleValue();
      if (d != Math.rint(d)) {
        throw new ClassCastException("not an integer");
      }
    }
    long l = value.longValue();
    switch (type) {
      case BYTE:
        return (byte) l;
      case INT16:
        return (short) l;
      case INT32:
        return (int) l;
      default:
        return l;
    }
  }

  /**
   * The values of a serving record in the order of {@code schema}; a column is looked up by its
   * original name first, then by its field name.
   */
  static List<Object> valuesOf(Schema schema, ColumnNames names, Map<String, ?> record) {
    List<Object> values = new ArrayList<>();
    for (Schema.Field field : schema.getFields()) {
      String original = names.original(field.getName());
      Object value = record.containsKey(original) ? record.get(original) : record.get(field.getName());
      values.add(convert(field, value));
    }
    return values;
  }
}
