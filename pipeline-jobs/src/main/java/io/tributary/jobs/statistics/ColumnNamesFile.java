package io.tributary.jobs.statistics;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tributary.transforms.examples.ColumnNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@value #FILE} beside statistics whose examples renamed columns: every column's original name to
 * its field name, in column order ({@code {"Culmen Length (mm)": "Culmen_Length__mm_", "island":
 * "island"}}). Statistics name features by field name; ExampleValidator reads this file to show
 * the names the user knows. Absent when no column was renamed.
 */
public final class ColumnNamesFile {

  public static final String FILE = "column_names.json";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ColumnNamesFile() {}

  /** Writes the file into {@code folder} when {@code names} renames a column; else writes nothing. */
  public static void write(Path folder, ColumnNames names) throws IOException {
    if (names.renamed().isEmpty()) {
      return;
    }
    Map<String, String> byOriginal = new LinkedHashMap<>();
    names.fields().forEach(field -> byOriginal.put(names.original(field), field));
    JSON.writeValue(folder.resolve(FILE).toFile(), byOriginal);
  }

  /** The names in {@code folder}'s file, or null when it has none. */
  public static ColumnNames read(Path folder) throws IOException {
    Path file = folder.resolve(FILE);
    if (!Files.exists(file)) {
      return null;
    }
    return ColumnNames.of(JSON.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, String>>() {}));
  }
}
