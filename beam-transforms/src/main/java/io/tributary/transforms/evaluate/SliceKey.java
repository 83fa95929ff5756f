package io.tributary.transforms.evaluate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One slice of the evaluated rows: the slice's columns and their values, e.g. {@code
 * [island]=[Biscoe]}; the overall slice has no columns. Its {@link #text()} ({@code Overall},
 * {@code island=Biscoe}, {@code island=Biscoe, sex=male}) is how reports and reasons name it.
 *
 * @param columns the slice's columns, in the order of its {@link Slice}
 * @param values the value of each column, {@value #MISSING} when the row had none
 */
public record SliceKey(List<String> columns, List<String> values) implements Serializable, Comparable<SliceKey> {

  /** The value of a slice column that is missing (null) in a row. */
  public static final String MISSING = "(missing)";

  /** The text of the overall slice. */
  public static final String OVERALL_TEXT = "Overall";

  public static final SliceKey OVERALL = new SliceKey(List.of(), List.of());

  /** Overall first, then by number of columns, columns and values. */
  private static final Comparator<SliceKey> ORDER =
      Comparator.comparingInt((SliceKey k) -> k.columns.size())
          .thenComparing(k -> String.join("\u0000", k.columns))
          .thenComparing(k -> String.join("\u0000", k.values));

  public SliceKey {
    columns = List.copyOf(columns);
    values = List.copyOf(values);
    if (columns.size() != values.size()) {
      throw new IllegalArgumentException("a slice key needs one value per column: " + columns + " " + values);
    }
  }

  /** The key of the slice where each column of {@code columnToValue} (in its iteration order) holds its value. */
  public static SliceKey of(Map<String, String> columnToValue) {
    return new SliceKey(new ArrayList<>(columnToValue.keySet()), new ArrayList<>(columnToValue.values()));
  }

  @JsonIgnore
  public boolean isOverall() {
    return columns.isEmpty();
  }

  /** {@code Overall}, {@code island=Biscoe} or {@code island=Biscoe, sex=male}. */
  public String text() {
    if (isOverall()) {
      return OVERALL_TEXT;
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      text.append(i == 0 ? "" : ", ").append(columns.get(i)).append('=').append(values.get(i));
    }
    return text.toString();
  }

  @Override
  public int compareTo(SliceKey other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return text();
  }
}
