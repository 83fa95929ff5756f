package io.tributary.transforms.examplegen;

import org.apache.beam.sdk.values.Row;

/** Where a {@link FileParser} puts what it read: rows, and dead letters for what it could not. */
interface ParsedRecords {

  void row(Row row);

  /**
   * @param line 1-based line (text) or record number (binary) where the bad record starts, or null
   * @param raw the record as it was in the file
   * @param reason what is wrong, in words a user can act on
   */
  void deadLetter(Long line, String raw, String reason);
}
