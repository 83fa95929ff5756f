package io.tributary.transforms.examplegen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;

/**
 * Reads JSON lines: one JSON object per line, keys matched to schema fields by (sanitised) name.
 * ({@link JsonFileParser} sends a file that is one JSON array to {@link JsonArrayReader} instead;
 * its elements become rows by the same {@link #parseRecord}.)
 *
 * <p>JSON is typed, so values are not re-parsed from text: a string where the schema wants a number
 * is a dead letter, which is how numbers that arrived as strings are caught. A string field takes
 * any scalar as its text, and an object or array as its JSON text. Blank lines are skipped; a line
 * that is not UTF-8 is a dead letter.
 */
final class JsonLinesFileParser implements SplittableFileParser {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public TextCursor open(
      SourceFile file, Schema schema, long offset, long line, boolean boundariesOnly)
      throws IOException {
    TextLineReader reader = new TextLineReader(file.openAt(offset), offset, line, boundariesOnly);
    return new TextCursor() {
      private TextLineReader.Line current;

      @Override
      public long offset() {
        return reader.offset();
      }

      @Override
      public long line() {
        return reader.line();
      }

      @Override
      public boolean read() throws IOException {
        current = reader.next();
        return current != null;
      }

      @Override
      public void emit(ParsedRecords out) {
        parseLine(current, schema, out);
      }

      @Override
      public void close() throws IOException {
        reader.close();
      }
    };
  }

  private static void parseLine(TextLineReader.Line line, Schema schema, ParsedRecords out) {
    if (line.text() == null) {
      out.deadLetter(
          line.number(),
          line.raw(),
          "invalid UTF-8 at byte offset " + line.invalidUtf8At() + ": the file must be UTF-8");
      return;
    }
    if (line.text().isBlank()) {
      return;
    }
    parseRecord(line.number(), line.text(), schema, out);
  }

  /**
   * Parses one record's JSON text (a line, or an element of a JSON array) into a row of the
   * schema, or a dead letter saying why it is not one.
   */
  static void parseRecord(long line, String text, Schema schema, ParsedRecords out) {
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      out.deadLetter(line, text, "malformed JSON: " + e.getOriginalMessage());
      return;
    }
    if (node == null || !node.isObject()) {
      out.deadLetter(line, text, "not a JSON object");
      return;
    }
    toRow(line, text, byFieldName(node), schema, out);
  }

  /**
   * The object's values by field name, in the object's key order (schema inference keeps it); keys
   * that sanitise alike stay apart ({@link FieldNames#of}).
   */
  static Map<String, JsonNode> byFieldName(JsonNode object) {
    List<String> keys = new ArrayList<>();
    object.fieldNames().forEachRemaining(keys::add);
    List<String> names = FieldNames.of(keys);
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      fields.put(names.get(i), object.get(keys.get(i)));
    }
    return fields;
  }

  private static void toRow(
      long line, String raw, Map<String, JsonNode> fields, Schema schema, ParsedRecords out) {
    List<Object> values = new ArrayList<>(schema.getFieldCount());
    for (Schema.Field field : schema.getFields()) {
      JsonNode value = fields.get(field.getName());
      if (value == null || value.isNull()) {
        if (!field.getType().getNullable()) {
          out.deadLetter(line, raw, "missing value for required field '" + field.getName() + "'");
          return;
        }
        values.add(null);
        continue;
      }
      Object converted = convert(value, field.getType().getTypeName());
      if (converted == null) {
        out.deadLetter(
            line,
            raw,
            "field '" + field.getName() + "': " + value.getNodeType().name().toLowerCase()
                + " " + abbreviate(value.toString()) + " is not " + field.getType().getTypeName());
        return;
      }
      values.add(converted);
    }
    out.row(Row.withSchema(schema).attachValues(values));
  }

  /** The value as the type, or null when it is not of that type. */
  private static Object convert(JsonNode value, Schema.TypeName type) {
    switch (type) {
      case STRING:
        return value.isValueNode() ? value.asText() : value.toString();
      case INT64:
        return value.isIntegralNumber() && value.canConvertToLong() ? value.longValue() : null;
      case INT32:
        return value.isIntegralNumber() && value.canConvertToInt() ? value.intValue() : null;
      case DOUBLE:
        return value.isNumber() ? value.doubleValue() : null;
      case FLOAT:
        return value.isNumber() ? value.floatValue() : null;
      case BOOLEAN:
        return value.isBoolean() ? value.booleanValue() : null;
      default:
        return null;
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
