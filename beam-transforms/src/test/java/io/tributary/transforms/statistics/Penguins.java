package io.tributary.transforms.statistics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;

/** The penguin sample as Rows, read with a hand parser (no quotes in the file; NA is missing). */
public final class Penguins {
  public static final Schema SCHEMA =
      Schema.builder()
          .addNullableField("species", FieldType.STRING)
          .addNullableField("island", FieldType.STRING)
          .addNullableField("bill_length_mm", FieldType.DOUBLE)
          .addNullableField("bill_depth_mm", FieldType.DOUBLE)
          .addNullableField("flipper_length_mm", FieldType.INT64)
          .addNullableField("body_mass_g", FieldType.INT64)
          .addNullableField("sex", FieldType.STRING)
          .addField("year", FieldType.INT32)
          .addNullableField("is_male", FieldType.BOOLEAN)
          .build();

  private static List<Row> rows;

  private Penguins() {}

  public static synchronized List<Row> rows() {
    if (rows == null) {
      rows = read(file());
    }
    return rows;
  }

  private static Path file() {
    Path relative = Path.of("samples", "penguin", "data", "penguins.csv");
    Path here = Path.of("").toAbsolutePath();
    // Tests run in beam-transforms/; the sample lives at the repository root.
    return Files.exists(here.resolve(relative)) ? here.resolve(relative) : here.resolveSibling(relative);
  }

  private static List<Row> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Row> result = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      String sex = text(cells[6]);
      result.add(
          Row.withSchema(SCHEMA)
              .addValues(
                  text(cells[0]),
                  text(cells[1]),
                  cells[2].equals("NA") ? null : Double.parseDouble(cells[2]),
                  cells[3].equals("NA") ? null : Double.parseDouble(cells[3]),
                  cells[4].equals("NA") ? null : Long.parseLong(cells[4]),
                  cells[5].equals("NA") ? null : Long.parseLong(cells[5]),
                  sex,
                  Integer.parseInt(cells[7]),
                  sex == null ? null : sex.equals("male"))
              .build());
    }
    return result;
  }

  private static String text(String cell) {
    return cell.equals("NA") ? null : cell;
  }
}
