package io.tributary.transforms.examplegen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.transforms.examples.ColumnNames;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.extensions.avro.schemas.utils.AvroUtils;
import org.apache.beam.sdk.schemas.Schema;

/**
 * Infers a Beam schema from the input before the pipeline runs.
 *
 * <p>CSV and JSON (lines, or one array of records per file): types come from the first {@link Input#inferenceSampleRows()} records of
 * the matched files, read in sorted order (the only read of the data outside the pipeline). Field
 * order is the first file's header order (CSV) or first-seen key order (JSON), so the result is
 * deterministic. When the sample is the whole input, a field is nullable exactly when a value was
 * missing; otherwise every field is nullable, since unseen rows may lack any value. Avro and
 * Parquet: the schema stored in the first file.
 */
final class SchemaInference {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SchemaInference() {}

  static InferredSchema infer(List<ResolvedInput> inputs) {
    InputFormat format = inputs.get(0).input().format();
    try {
      switch (format) {
        case CSV:
          return inferCsv(inputs);
        case JSON_LINES:
          return inferJson(inputs);
        case AVRO:
          return fromAvro(AvroFileParser.schemaOf(SourceFile.named(firstFile(inputs))));
        case PARQUET:
          return fromAvro(ParquetFileParser.schemaOf(SourceFile.named(firstFile(inputs))));
        default:
          throw new IllegalStateException("no inference for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the input to infer its schema: " + e.getMessage(), e);
    }
  }

  /**
   * A file that cannot be read to its end (a truncated {@code .gz}, say), named with why. The
   * reason is the deepest cause in the chain, so that a one-line report shows it with the file;
   * the original stays attached, suppressed, for a stack trace.
   */
  private static UncheckedIOException unreadable(String path, Exception e) {
    IOException cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e;
    String why = cause instanceof EOFException && cause.getMessage() == null
        ? "it ends early (a truncated or partly copied file?)" : cause.getMessage();
    FileSystemException named = new FileSystemException(path, null, "cannot read it to infer the schema: " + why);
    named.addSuppressed(cause);
    return new UncheckedIOException(named);
  }

  /**
   * The schema of the first Avro or Parquet file, with the original column names its fields
   * record (examples Tributary wrote, or the model server's request log), so they survive a re-read.
   */
  private static InferredSchema fromAvro(org.apache.avro.Schema avro) {
    return new InferredSchema(AvroUtils.toBeamSchema(avro), 0, false, ColumnNames.of(avro));
  }

  private static String firstFile(List<ResolvedInput> inputs) {
    return inputs.get(0).files().get(0);
  }

  private static InferredSchema inferCsv(List<ResolvedInput> inputs) throws IOException {
    Map<String, ColumnProfile> columns = null;
    Map<String, String> originals = null;
    long sampled = 0;
    for (ResolvedInput input : inputs) {
      int limit = input.input().inferenceSampleRows();
      for (String path : input.files()) {
        try (CsvRecordReader reader =
            new CsvRecordReader(SourceFile.named(path).openStream(), input.input().csvFormat())) {
          CsvRecord header = reader.next();
          if (header == null || header.isMalformed()) {
            continue;
          }
          reader.columns(header.fields());
          List<String> names = FieldNames.of(header.fields());
          if (columns == null) {
            columns = newColumns(names, header.fields(), path);
            originals = originalsOf(names, header.fields());
          }
          for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
            if (sampled >= limit) {
              return csvResult(columns, originals, sampled, false);
            }
            if (record.isMalformed() || record.fields().size() != names.size()) {
              continue;
            }
            sampled++;
            for (int i = 0; i < names.size(); i++) {
              ColumnProfile column = columns.get(names.get(i));
              if (column != null) {
                String value = record.fields().get(i);
                if (input.input().csvFormat().isNull(value)) {
                  column.missing();
                } else {
                  column.text(value);
                }
              }
            }
            for (Map.Entry<String, ColumnProfile> column : columns.entrySet()) {
              if (!names.contains(column.getKey())) {
                column.getValue().missing();
              }
            }
          }
        } catch (IOException | UncheckedIOException e) {
          throw unreadable(path, e);
        }
      }
    }
    if (columns == null) {
      throw new IllegalArgumentException(
          "cannot infer a schema: no input file has a header row; declare a schema instead");
    }
    return csvResult(columns, originals, sampled, true);
  }

  private static Map<String, ColumnProfile> newColumns(
      List<String> names, List<String> original, String path) {
    Map<String, ColumnProfile> columns = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      if (columns.put(names.get(i), new ColumnProfile()) != null) {
        throw new IllegalArgumentException(
            "the header of " + path + " names column '" + original.get(i) + "' twice: rename one");
      }
    }
    return columns;
  }

  private static InferredSchema csvResult(
      Map<String, ColumnProfile> columns, Map<String, String> originals, long sampled, boolean wholeInput) {
    return new InferredSchema(toSchema(columns, wholeInput), sampled, wholeInput, ColumnNames.of(originals));
  }

  /** Original column name to field name, in header order. */
  private static Map<String, String> originalsOf(List<String> fields, List<String> columns) {
    Map<String, String> originals = new LinkedHashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      originals.put(columns.get(i), fields.get(i));
    }
    return originals;
  }

  private static InferredSchema inferJson(List<ResolvedInput> inputs) throws IOException {
    Map<String, ColumnProfile> columns = new LinkedHashMap<>();
    Map<String, String> originals = new LinkedHashMap<>(); // field name to the key first seen for it
    long sampled = 0;
    for (ResolvedInput input : inputs) {
      int limit = input.input().inferenceSampleRows();
      for (String path : input.files()) {
        try (JsonRecordTexts texts = JsonRecordTexts.open(SourceFile.named(path))) {
          for (String text = texts.next(); text != null; text = texts.next()) {
            if (sampled >= limit) {
              return jsonResult(columns, originals, sampled, false);
            }
            JsonNode node = parseObject(text);
            if (node == null) {
              continue;
            }
            sampled++;
            Map<String, JsonNode> fields = JsonLinesFileParser.byFieldName(node);
            List<String> keys = new java.util.ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            List<String> keyFields = FieldNames.of(keys);
            for (int k = 0; k < keys.size(); k++) {
              if (!originals.containsValue(keys.get(k))) {
                originals.putIfAbsent(keyFields.get(k), keys.get(k));
              }
            }
            for (String name : fields.keySet()) {
              if (!columns.containsKey(name)) {
                ColumnProfile column = new ColumnProfile();
                if (sampled > 1) {
                  column.missing();
                }
                columns.put(name, column);
              }
            }
            for (Map.Entry<String, ColumnProfile> column : columns.entrySet()) {
              column.getValue().json(fields.get(column.getKey()));
            }
          }
        } catch (IOException | UncheckedIOException e) {
          throw unreadable(path, e);
        }
      }
    }
    return jsonResult(columns, originals, sampled, true);
  }

  /** The record texts of a JSON file: its lines, or the elements of its top-level array. */
  private static final class JsonRecordTexts implements Closeable {
    private final TextLineReader lines;
    private final JsonArrayReader elements;

    private JsonRecordTexts(TextLineReader lines, JsonArrayReader elements) {
      this.lines = lines;
      this.elements = elements;
    }

    static JsonRecordTexts open(SourceFile file) throws IOException {
      return JsonArrayReader.holdsArray(file)
          ? new JsonRecordTexts(null, new JsonArrayReader(file.openText()))
          : new JsonRecordTexts(new TextLineReader(file.openStream(), 0, 1, false), null);
    }

    /**
     * The next record's text, or null at the end. Problems with the file are skipped here: a line
     * that is not valid UTF-8 must not decide a column's type (reading makes it a dead letter).
     */
    String next() throws IOException {
      if (lines != null) {
        for (TextLineReader.Line line = lines.next(); line != null; line = lines.next()) {
          if (line.text() != null) {
            return line.text();
          }
        }
        return null;
      }
      for (JsonArrayReader.Element element = elements.next(); element != null; element = elements.next()) {
        if (element.problem() == null) {
          return element.text();
        }
      }
      return null;
    }

    @Override
    public void close() throws IOException {
      if (lines != null) {
        lines.close();
      } else {
        elements.close();
      }
    }
  }

  private static InferredSchema jsonResult(
      Map<String, ColumnProfile> columns, Map<String, String> originals, long sampled, boolean wholeInput) {
    if (columns.isEmpty()) {
      throw new IllegalArgumentException(
          "cannot infer a schema: the input holds no JSON object with fields; declare a schema");
    }
    Map<String, String> inColumnOrder = new LinkedHashMap<>();
    columns.keySet().forEach(field -> inColumnOrder.put(originals.getOrDefault(field, field), field));
    return new InferredSchema(toSchema(columns, wholeInput), sampled, wholeInput, ColumnNames.of(inColumnOrder));
  }

  private static JsonNode parseObject(String line) {
    if (line.isBlank()) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(line);
      return node != null && node.isObject() ? node : null;
    } catch (JsonProcessingException malformed) {
      return null;
    }
  }

  private static Schema toSchema(Map<String, ColumnProfile> columns, boolean wholeInput) {
    Schema.Builder schema = Schema.builder();
    columns.forEach((name, column) -> schema.addField(name, column.type(wholeInput)));
    return schema.build();
  }
}
