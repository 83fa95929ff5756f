package io.tributary.transforms.examplegen;

import java.util.List;

/**
 * One logical CSV record: where it starts, its raw text and either its fields or why it could not
 * be split into fields.
 */
record CsvRecord(long line, String raw, List<String> fields, String error) {

  static CsvRecord ok(long line, String raw, List<String> fields) {
    return new CsvRecord(line, raw, List.copyOf(fields), null);
  }

  static CsvRecord malformed(long line, String raw, String error) {
    return new CsvRecord(line, raw, List.of(), error);
  }

  boolean isMalformed() {
    return error != null;
  }
}
