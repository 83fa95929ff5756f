package io.tributary.transforms.split;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.apache.beam.sdk.values.Row;
import org.apache.datasketches.hash.MurmurHash3;

/**
 * A seeded 64-bit hash of chosen fields of a row that depends only on their values, never on the
 * JVM, the runner or the file format the row came from, so that splits are reproducible anywhere.
 *
 * <p>Each value is written as text with a type tag (so the long 1 and the string "1" differ) and
 * the fields are joined with a separator that cannot occur in the tags; the bytes are hashed with
 * MurmurHash3 (128-bit, first half).
 */
final class RowHash {

  private RowHash() {}

  static long hash(Row row, int[] fields, long seed) {
    StringBuilder key = new StringBuilder(64);
    for (int field : fields) {
      Object value = row.getValue(field);
      if (value == null) {
        key.append("\u0000");
      } else if (value instanceof byte[]) {
        key.append("b:").append(Base64.getEncoder().encodeToString((byte[]) value));
      } else if (value instanceof Double || value instanceof Float) {
        key.append("d:").append(((Number) value).doubleValue());
      } else if (value instanceof Number) {
        key.append("i:").append(((Number) value).longValue());
      } else if (value instanceof Boolean) {
        key.append("z:").append(value);
      } else if (value instanceof Iterable || value instanceof Row) {
        key.append("c:").append(value);
      } else {
        key.append("s:").append(value);
      }
      key.append('\u001f');
    }
    return MurmurHash3.hash(key.toString().getBytes(StandardCharsets.UTF_8), seed)[0];
  }

  /** The hash as a uniform number in [0, 1). */
  static double unit(long hash) {
    return (hash >>> 11) * 0x1.0p-53;
  }

  static int[] allFields(Row row) {
    int[] fields = new int[row.getFieldCount()];
    Arrays.setAll(fields, i -> i);
    return fields;
  }
}
