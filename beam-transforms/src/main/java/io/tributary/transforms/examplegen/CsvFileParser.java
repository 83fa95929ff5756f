package io.tributary.transforms.examplegen;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;

/**
 * Reads CSV files with a header row. Columns are matched to schema fields by (sanitised) name, so
 * files may order their columns differently; columns the schema does not name are ignored.
 */
final class CsvFileParser implements FileParser {

  private final CsvFormat format;

  CsvFileParser(CsvFormat format) {
    this.format = format;
  }

  @Override
  public void parse(SourceFile file, Schema schema, ParsedRecords out) throws IOException {
    try (CsvRecordReader reader = new CsvRecordReader(file.openStream(), format)) {
      CsvRecord header = reader.next();
      if (header == null) {
        return;
      }
      String headerProblem = null;
      int[] columnOf = null;
      if (header.isMalformed()) {
        out.deadLetter(header.line(), header.raw(), "malformed header: " + header.error());
        headerProblem = "the file's header (line " + header.line() + ") is malformed";
      } else {
        columnOf = new int[schema.getFieldCount()];
        headerProblem = mapColumns(header.fields(), schema, columnOf);
        reader.columns(header.fields());
      }
      int width = header.fields().size();
      for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
        if (headerProblem != null) {
          out.deadLetter(record.line(), record.raw(), headerProblem);
        } else if (record.isMalformed()) {
          out.deadLetter(record.line(), record.raw(), record.error());
        } else if (record.fields().size() != width) {
          out.deadLetter(
              record.line(),
              record.raw(),
              "expected " + width + " fields, as in the header, but found " + record.fields().size());
        } else {
          toRow(record, schema, columnOf, out);
        }
      }
    }
  }

  private void toRow(CsvRecord record, Schema schema, int[] columnOf, ParsedRecords out) {
    List<Object> values = new ArrayList<>(columnOf.length);
    for (int i = 0; i < columnOf.length; i++) {
      Schema.Field field = schema.getField(i);
      String text = columnOf[i] < 0 ? null : record.fields().get(columnOf[i]);
      if (text == null || format.isNull(text)) {
        if (!field.getType().getNullable()) {
          out.deadLetter(
              record.line(), record.raw(), "missing value for required field '" + field.getName() + "'");
          return;
        }
        values.add(null);
        continue;
      }
      try {
        values.add(ValueParser.parse(text, field.getType().getTypeName()));
      } catch (IllegalArgumentException e) {
        out.deadLetter(record.line(), record.raw(), "field '" + field.getName() + "': " + e.getMessage());
        return;
      }
    }
    out.row(Row.withSchema(schema).attachValues(values));
  }

  /** Fills {@code columnOf}; returns why the header cannot serve the schema, or null. */
  private static String mapColumns(List<String> header, Schema schema, int[] columnOf) {
    Map<String, Integer> position = new HashMap<>();
    List<String> names = FieldNames.of(header);
    for (int i = 0; i < header.size(); i++) {
      String name = names.get(i);
      if (position.put(name, i) != null) {
        return "the file's header names column '" + name + "' twice";
      }
    }
    Arrays.fill(columnOf, -1);
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < schema.getFieldCount(); i++) {
      Schema.Field field = schema.getField(i);
      Integer column = position.get(field.getName());
      if (column != null) {
        columnOf[i] = column;
      } else if (!field.getType().getNullable()) {
        missing.add(field.getName());
      }
    }
    if (!missing.isEmpty()) {
      return "the file's header lacks required column(s) " + missing + "; it has "
          + header;
    }
    return null;
  }
}
