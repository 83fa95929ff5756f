package io.tributary.transforms.validation;

import io.tributary.transforms.statistics.DatasetStatistics;
import io.tributary.transforms.statistics.LocalStatistics;
import io.tributary.transforms.testing.TestFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;
import java.util.function.UnaryOperator;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;

/**
 * A small CSV table for end-to-end tests (no quotes; {@code NA} and empty cells are missing), with
 * column types inferred as ExampleGen does: INT64 if every value is a whole number, else DOUBLE if
 * every value is a number, else STRING. Edits return new tables.
 */
public final class CsvTable {
  final List<String> header;
  final List<String[]> cells;

  private CsvTable(List<String> header, List<String[]> cells) {
    this.header = header;
    this.cells = cells;
  }

  /** The 344 penguins of samples/penguin/data/penguins.csv. */
  public static CsvTable penguins() {
    try {
      List<String> lines = Files.readAllLines(TestFiles.penguins());
      List<String[]> cells = new ArrayList<>();
      lines.subList(1, lines.size()).forEach(line -> cells.add(line.split(",", -1)));
      return new CsvTable(List.of(lines.get(0).split(",")), cells);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int size() {
    return cells.size();
  }

  public String cell(int row, String column) {
    return cells.get(row)[header.indexOf(column)];
  }

  /** The table without {@code column}. */
  public CsvTable drop(String column) {
    int index = header.indexOf(column);
    List<String> names = new ArrayList<>(header);
    names.remove(index);
    List<String[]> rows = new ArrayList<>();
    for (String[] row : cells) {
      List<String> values = new ArrayList<>(Arrays.asList(row));
      values.remove(index);
      rows.add(values.toArray(new String[0]));
    }
    return new CsvTable(names, rows);
  }

  /** The table with {@code column} of every {@code every}-th row (from row 0) rewritten. */
  public CsvTable edit(String column, int every, UnaryOperator<String> change) {
    return edit(column, i -> i % every == 0, change);
  }

  /** The table with {@code column} of the rows whose index passes {@code rows} rewritten. */
  public CsvTable edit(String column, IntPredicate rows, UnaryOperator<String> change) {
    int index = header.indexOf(column);
    List<String[]> result = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      String[] row = cells.get(i).clone();
      if (rows.test(i)) {
        row[index] = change.apply(row[index]);
      }
      result.add(row);
    }
    return new CsvTable(header, result);
  }

  /** The rows {@code from} (inclusive) to {@code to} (exclusive) of a seeded shuffle. */
  public CsvTable shuffled(long seed, int from, int to) {
    List<String[]> rows = new ArrayList<>(cells);
    java.util.Collections.shuffle(rows, new Random(seed));
    return new CsvTable(header, new ArrayList<>(rows.subList(from, to)));
  }

  private static boolean missing(String cell) {
    return cell.isEmpty() || cell.equals("NA");
  }

  public Schema schema() {
    Schema.Builder schema = Schema.builder();
    for (int c = 0; c < header.size(); c++) {
      boolean whole = true;
      boolean number = true;
      for (String[] row : cells) {
        if (!missing(row[c])) {
          whole &= row[c].matches("-?\\d+");
          number &= row[c].matches("-?\\d+(\\.\\d+)?");
        }
      }
      FieldType type = whole ? FieldType.INT64 : number ? FieldType.DOUBLE : FieldType.STRING;
      schema.addNullableField(header.get(c), type);
    }
    return schema.build();
  }

  public List<Row> rows() {
    Schema schema = schema();
    List<Row> rows = new ArrayList<>();
    for (String[] row : cells) {
      Row.Builder builder = Row.withSchema(schema);
      for (int c = 0; c < row.length; c++) {
        String cell = row[c];
        switch (schema.getField(c).getType().getTypeName()) {
          case INT64:
            builder.addValue(missing(cell) ? null : Long.parseLong(cell));
            break;
          case DOUBLE:
            builder.addValue(missing(cell) ? null : Double.parseDouble(cell));
            break;
          default:
            builder.addValue(missing(cell) ? null : cell);
        }
      }
      rows.add(builder.build());
    }
    return rows;
  }

  /** Statistics computed with StatisticsGen's own combine functions, in this JVM. */
  public DatasetStatistics statistics() {
    return LocalStatistics.compute(schema(), rows(), null);
  }
}
