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
 *
 * <p>A cursor opened past the start of the file reads the header first, so that any byte range of
 * the file can be parsed on its own.
 */
final class CsvFileParser implements SplittableFileParser {

  private final CsvFormat format;

  CsvFileParser(CsvFormat format) {
    this.format = format;
  }

  /** What the header says: where each schema field's column is, or why the header is unusable. */
  private record Header(CsvRecord record, int[] columnOf, String problem) {

    static Header of(CsvRecord record, Schema schema) {
      if (record.isMalformed()) {
        return new Header(
            record, null, "the file's header (line " + record.line() + ") is malformed");
      }
      int[] columnOf = new int[schema.getFieldCount()];
      return new Header(record, columnOf, mapColumns(record.fields(), schema, columnOf));
    }
  }

  @Override
  public TextCursor open(
      SourceFile file, Schema schema, long offset, long line, boolean boundariesOnly)
      throws IOException {
    Header header = null;
    if (offset > 0) {
      try (CsvRecordReader headerReader = new CsvRecordReader(file.openAt(0), format)) {
        CsvRecord first = headerReader.next();
        if (first == null) {
          throw new IOException(file.name() + " has no header any more: was it changed while read?");
        }
        header = Header.of(first, schema);
      }
    }
    CsvRecordReader reader = new CsvRecordReader(file.openAt(offset), format, offset, line);
    if (boundariesOnly) {
      reader.boundariesOnly();
    }
    return new Cursor(reader, header, schema);
  }

  private final class Cursor implements TextCursor {
    private final CsvRecordReader reader;
    private final Schema schema;
    private Header header;
    private CsvRecord record;
    private boolean recordIsHeader;

    Cursor(CsvRecordReader reader, Header header, Schema schema) {
      this.reader = reader;
      this.schema = schema;
      this.header = header;
      if (header != null && !header.record().isMalformed()) {
        reader.columns(header.record().fields());
      }
    }

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
      record = reader.next();
      recordIsHeader = header == null;
      if (record != null && recordIsHeader) {
        header = Header.of(record, schema);
        if (!record.isMalformed()) {
          reader.columns(record.fields());
        }
      }
      return record != null;
    }

    @Override
    public void emit(ParsedRecords out) {
      if (recordIsHeader) {
        if (record.isMalformed()) {
          out.deadLetter(record.line(), record.raw(), "malformed header: " + record.error());
        }
      } else if (header.problem() != null) {
        out.deadLetter(record.line(), record.raw(), header.problem());
      } else if (record.isMalformed()) {
        out.deadLetter(record.line(), record.raw(), record.error());
      } else if (record.fields().size() != header.record().fields().size()) {
        out.deadLetter(
            record.line(),
            record.raw(),
            "expected " + header.record().fields().size() + " fields, as in the header, but found "
                + record.fields().size());
      } else {
        toRow(record, schema, header.columnOf(), out);
      }
    }

    @Override
    public void close() throws IOException {
      reader.close();
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
