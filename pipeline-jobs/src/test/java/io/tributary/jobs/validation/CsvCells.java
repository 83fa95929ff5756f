package io.tributary.jobs.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * The cells of one CSV line with RFC 4180 quotes (a quoted field may hold commas and doubled
 * quotes), and a line from cells, quoting where needed: enough to corrupt the real corpus's
 * files column by column in tests.
 */
final class CsvCells {
  private CsvCells() {}

  static List<String> split(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        cell.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }

  static String join(List<String> cells) {
    List<String> written = new ArrayList<>();
    for (String cell : cells) {
      written.add(cell.contains(",") || cell.contains("\"") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
    }
    return String.join(",", written);
  }
}
