package io.tributary.jobs.infra;

import io.tributary.transforms.examples.ExampleFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;

/**
 * The canary batch: the first rows of an examples split (files in name order, so the same rows
 * every time), as the records a serving request would carry: column name to a plain JSON value.
 */
final class CanaryRows {

  private CanaryRows() {}

  /** The first {@code count} rows of {@code Split-<split>}; fails naming the fix when there are none. */
  static List<Map<String, Object>> read(Path examples, String split, int count) {
    Path folder = examples.resolve("Split-" + split);
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException(examples + " has no Split-" + split + "/: name a split of the examples (--split)");
    }
    List<Row> rows = ExampleFiles.read(folder);
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(folder + " has no rows: the canary needs real examples; name another split");
    }
    List<Map<String, Object>> records = new ArrayList<>();
    for (Row row : rows.subList(0, Math.min(count, rows.size()))) {
      records.add(record(row));
    }
    return records;
  }

  private static Map<String, Object> record(Row row) {
    Map<String, Object> record = new LinkedHashMap<>();
    Schema schema = row.getSchema();
    for (int i = 0; i < schema.getFieldCount(); i++) {
      Object value = row.getValue(i);
      // Numbers, strings, booleans and nulls are JSON as they are; anything else goes as its text.
      boolean plain = value == null || value instanceof Number || value instanceof String || value instanceof Boolean;
      record.put(schema.getField(i).getName(), plain ? value : value.toString());
    }
    return record;
  }
}
