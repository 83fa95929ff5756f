package io.tributary.transforms.examplegen;

import io.tributary.transforms.examples.ColumnNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns column names from CSV headers and JSON keys into field names that Avro and Parquet accept
 * ({@code [A-Za-z_][A-Za-z0-9_]*}), since every example is written in those formats.
 *
 * <p>Two different columns never share a field: a name that is already a valid field name keeps
 * it, and a column whose sanitised name is taken gets the first free {@code _2}, {@code _3}, ...
 * suffix ({@code a_b} stays {@code a_b}, {@code a b} becomes {@code a_b_2}). ExampleGen records
 * the result as {@link ColumnNames} and the examplegen job prints every rename.
 */
public final class FieldNames {

  private FieldNames() {}

  /** {@code "body mass (g)"} becomes {@code "body_mass__g_"}, {@code "2nd"} becomes {@code "_2nd"}. */
  public static String sanitize(String name) {
    StringBuilder out = new StringBuilder(name.length() + 1);
    String trimmed = name.strip();
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      boolean ok = c < 128 && (Character.isLetterOrDigit(c) || c == '_');
      out.append(ok ? c : '_');
    }
    if (out.length() == 0 || Character.isDigit(out.charAt(0))) {
      out.insert(0, '_');
    }
    return out.toString();
  }

  /**
   * The field name of each column of a header, distinct for distinct columns (see the class
   * comment). The same column name given twice gets the same field name twice, so the caller
   * can report the duplicate.
   */
  public static List<String> of(List<String> columns) {
    Map<String, String> assigned = new LinkedHashMap<>();
    Set<String> taken = new HashSet<>();
    // Valid names first, wherever they stand, so that a column never loses its own name to a
    // renamed one.
    for (String column : columns) {
      if (sanitize(column).equals(column) && taken.add(column)) {
        assigned.put(column, column);
      }
    }
    for (String column : columns) {
      if (assigned.containsKey(column)) {
        continue;
      }
      String base = sanitize(column);
      String field = base;
      for (int n = 2; !taken.add(field); n++) {
        field = base + "_" + n;
      }
      assigned.put(column, field);
    }
    List<String> fields = new ArrayList<>(columns.size());
    columns.forEach(column -> fields.add(assigned.get(column)));
    return fields;
  }

  /** The columns of a header (all distinct) with their field names from {@link #of(List)}. */
  public static ColumnNames columnNames(List<String> columns) {
    List<String> fields = of(columns);
    Map<String, String> byOriginal = new LinkedHashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      if (byOriginal.put(columns.get(i), fields.get(i)) != null) {
        throw new IllegalArgumentException("column '" + columns.get(i) + "' is named twice: rename one");
      }
    }
    return ColumnNames.of(byOriginal);
  }
}
