package io.tributary.jobs.init;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;

/**
 * The figures init decides a column by, counted exactly over the sampled rows: missing and
 * distinct values, the most frequent value, and for text the share of values with blank space, of
 * values that read as dates, and the mean length. The type is ExampleGen's inferred one.
 *
 * @param name the field name
 * @param type the inferred type
 * @param present rows with a value
 * @param missing rows without one
 * @param distinct distinct values among those present
 * @param mostFrequent the most frequent value (null when none is present)
 * @param mostFrequentCount its count
 * @param min the smallest number (integer and floating columns; else NaN)
 * @param max the largest number (integer and floating columns; else NaN)
 * @param spacedShare share of present text values holding blank space (0 for other types)
 * @param dateShare share of present text values that read as dates (0 for other types)
 * @param meanLength mean length of present text values (0 for other types)
 */
public record ColumnSample(
    String name, Schema.TypeName type, long present, long missing, long distinct, String mostFrequent,
    long mostFrequentCount, double min, double max, double spacedShare, double dateShare, double meanLength) {

  /** Profiles column {@code name} of the rows. */
  public static ColumnSample of(String name, Schema.TypeName type, List<Row> rows) {
    Map<String, Long> counts = new HashMap<>();
    long missing = 0;
    long spaced = 0;
    long dates = 0;
    long length = 0;
    double min = Double.NaN;
    double max = Double.NaN;
    for (Row row : rows) {
      Object value = row.getValue(name);
      if (value == null || (value instanceof Double d && d.isNaN())) {
        missing++;
        continue;
      }
      String text = String.valueOf(value);
      counts.merge(text, 1L, Long::sum);
      if (value instanceof Number number) {
        double x = number.doubleValue();
        min = Double.isNaN(min) ? x : Math.min(min, x);
        max = Double.isNaN(max) ? x : Math.max(max, x);
      } else if (type == Schema.TypeName.STRING) {
        spaced += text.strip().chars().anyMatch(Character::isWhitespace) ? 1 : 0;
        dates += DateText.isDate(text) ? 1 : 0;
        length += text.length();
      }
    }
    long present = rows.size() - missing;
    Map.Entry<String, Long> top = null;
    for (Map.Entry<String, Long> entry : counts.entrySet()) {
      // the most frequent, and of equal counts the first in text order, so the choice is stable
      if (top == null || entry.getValue() > top.getValue()
          || (entry.getValue().equals(top.getValue()) && entry.getKey().compareTo(top.getKey()) < 0)) {
        top = entry;
      }
    }
    double share = Math.max(present, 1);
    return new ColumnSample(name, type, present, missing, counts.size(), top == null ? null : top.getKey(),
        top == null ? 0 : top.getValue(), min, max, spaced / share, dates / share, length / share);
  }

  /** True for integer and floating types. */
  public boolean isNumber() {
    return type.isNumericType();
  }

  /** True for integer types. */
  public boolean isInteger() {
    return type == Schema.TypeName.INT64 || type == Schema.TypeName.INT32 || type == Schema.TypeName.INT16
        || type == Schema.TypeName.BYTE;
  }

  /** Share of rows with a value, 0 when there are no rows. */
  public double presentShare() {
    return present + missing == 0 ? 0 : (double) present / (present + missing);
  }

  /** Distinct values per present value: 1 when every value is different. */
  public double distinctShare() {
    return present == 0 ? 0 : (double) distinct / present;
  }
}
