package io.tributary.transforms.split;

import java.util.List;

/**
 * Splits examples into named, deterministic splits.
 *
 * <pre>{@code
 * Splits splits = rows.apply(Split.byHash("user_id").withRatios("train:8,eval:1,test:1").withSeed(7));
 * PCollection<Row> train = splits.get("train");
 * }</pre>
 *
 * <p>Defaults: ratios {@code train:2,eval:1} (as in TFX), seed 0, and with no key columns the whole
 * row is the key.
 */
public final class Split {

  private Split() {}

  /** Splits by a seeded hash of {@code keyColumns}, or of every column when none are named. */
  public static HashSplit byHash(String... keyColumns) {
    return byHash(List.of(keyColumns));
  }

  public static HashSplit byHash(List<String> keyColumns) {
    for (String column : keyColumns) {
      if (column == null || column.isBlank()) {
        throw new IllegalArgumentException("a split key column name is empty");
      }
    }
    return new HashSplit(keyColumns, SplitRatios.defaults(), 0L);
  }
}
