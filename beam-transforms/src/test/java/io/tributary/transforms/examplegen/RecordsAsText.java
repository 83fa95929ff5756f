package io.tributary.transforms.examplegen;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.values.Row;

/** What a parser read, as comparable text: rows with their values, dead letters with their numbers. */
final class RecordsAsText implements ParsedRecords {
  final List<String> records = new ArrayList<>();

  @Override
  public void row(Row row) {
    records.add("row " + row.getValues());
  }

  @Override
  public void deadLetter(Long line, String raw, String reason) {
    records.add("dead letter line " + line + ": " + reason + " | " + raw);
  }
}
