package io.tributary.transforms.examplegen;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.extensions.avro.schemas.utils.AvroUtils;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;

/**
 * Converts Avro records (from Avro or Parquet files) to rows of a declared or inferred schema.
 *
 * <p>Flat schemas of primitive fields are matched by field name, so a file may hold extra fields,
 * order them differently or use narrower types (int for long, float for double). Other schemas go
 * through Beam's strict converter, which needs the file's own layout.
 */
final class AvroRecords {

  private AvroRecords() {}

  /** Emits the record as a row, or as a dead letter at {@code number} when it does not fit. */
  static void emit(long number, GenericRecord record, Schema schema, ParsedRecords out) {
    try {
      out.row(toRow(record, schema));
    } catch (RuntimeException e) {
      out.deadLetter(number, String.valueOf(record), e.getMessage());
    }
  }

  static Row toRow(GenericRecord record, Schema schema) {
    if (!isFlat(schema)) {
      return AvroUtils.toBeamRowStrict(record, schema);
    }
    List<Object> values = new ArrayList<>(schema.getFieldCount());
    for (Schema.Field field : schema.getFields()) {
      Object value = record.hasField(field.getName()) ? record.get(field.getName()) : null;
      if (value == null) {
        if (!field.getType().getNullable()) {
          throw new IllegalArgumentException(
              "missing value for required field '" + field.getName() + "'");
        }
        values.add(null);
      } else {
        values.add(convert(field, value));
      }
    }
    return Row.withSchema(schema).attachValues(values);
  }

  private static Object convert(Schema.Field field, Object value) {
    Schema.TypeName type = field.getType().getTypeName();
    switch (type) {
      case STRING:
        if (value instanceof CharSequence || value instanceof org.apache.avro.generic.GenericEnumSymbol) {
          return value.toString();
        }
        break;
      case INT64:
        if (value instanceof Long || value instanceof Integer) {
          return ((Number) value).longValue();
        }
        break;
      case INT32:
        if (value instanceof Integer) {
          return value;
        }
        break;
      case DOUBLE:
        if (value instanceof Double || value instanceof Float) {
          return ((Number) value).doubleValue();
        }
        break;
      case FLOAT:
        if (value instanceof Float) {
          return value;
        }
        break;
      case BOOLEAN:
        if (value instanceof Boolean) {
          return value;
        }
        break;
      case BYTES:
        if (value instanceof ByteBuffer) {
          ByteBuffer buffer = ((ByteBuffer) value).duplicate();
          byte[] bytes = new byte[buffer.remaining()];
          buffer.get(bytes);
          return bytes;
        }
        break;
      default:
        break;
    }
    throw new IllegalArgumentException(
        "field '" + field.getName() + "': a " + value.getClass().getSimpleName() + " is not " + type);
  }

  private static boolean isFlat(Schema schema) {
    return schema.getFields().stream()
        .map(field -> field.getType().getTypeName())
        .allMatch(type -> ValueParser.canParse(type) || type == Schema.TypeName.BYTES);
  }
}
