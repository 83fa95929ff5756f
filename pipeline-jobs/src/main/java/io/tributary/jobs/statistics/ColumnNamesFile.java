package io.tributary.jobs.statistics;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tributary.transforms.examples.ColumnNames;
import io.tributary.transforms.artifacts.ArtifactFiles;
import java.io.FileNotFoundException;
import java.io.IOException;
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
  public static void write(String folder, ColumnNames names) throws IOException {
    if (names.renamed().isEmpty()) {
      return;
    }
    Map<String, String> byOriginal = new LinkedHashMap<>();
    names.fields().forEach(field -> byOriginal.put(names.original(field), field));
    ArtifactFiles.writeText(ArtifactFiles.resolve(folder, FILE), JSON.writeValueAsString(byOriginal));
  }

  /** The names in {@code folder}'s file (a local path or a URI), or null when it has none. */
  public static ColumnNames read(String folder) throws IOException {
    String text;
    try {
      text = ArtifactFiles.readText(ArtifactFiles.resolve(folder, FILE));
    } catch (FileNotFoundException none) {
      return null;
    }
    return ColumnNames.of(JSON.readValue(text, new TypeReference<LinkedHashMap<String, String>>() {}));
  }
}
