package io.tributary.jobs.metadata;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table with left-aligned columns, for terminal output. */
final class Table {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  Table(String... header) {
    this.header = List.of(header);
  }

  Table add(Object... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException("row has " + cells.length + " cells, header " + header.size());
    }
    List<String> row = new ArrayList<>();
    for (Object cell : cells) {
      row.add(cell == null ? "-" : cell.toString());
    }
    rows.add(row);
    return this;
  }

  /** A time to the second, e.g. {@code 2026-11-22T08:00:00Z}. */
  static String time(java.time.Instant time) {
    return time == null ? null : time.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
  }

  void print(PrintWriter out) {
    int[] widths = new int[header.size()];
    for (List<String> row : concat()) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    for (List<String> row : concat()) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        String cell = row.get(i);
        line.append(cell);
        if (i < row.size() - 1) {
          line.append(" ".repeat(widths[i] - cell.length() + 2));
        }
      }
      out.println(line.toString().stripTrailing());
    }
  }

  private List<List<String>> concat() {
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    return all;
  }
}
