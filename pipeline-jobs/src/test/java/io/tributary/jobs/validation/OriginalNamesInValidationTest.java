package io.tributary.jobs.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.tributary.jobs.statistics.ColumnNamesFile;
import io.tributary.jobs.testing.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Statistics and validation of examples whose columns were renamed show the names of the raw file. */
class OriginalNamesInValidationTest {

  private static final Path PENGUINS = Path.of("../../shared/data/penguins.csv").toAbsolutePath().normalize();

  @TempDir Path dir;

  @Test
  void reportsAndValidationLinesShowTheOriginalNames() throws IOException {
    List<String> lines = Files.readAllLines(PENGUINS, StandardCharsets.UTF_8);
    lines.set(0, "Species,Island,Culmen Length (mm),Culmen Depth (mm),Flipper Length (mm),Body Mass (g),Sex,Year");
    Path csv = Files.write(dir.resolve("raw.csv"), lines, StandardCharsets.UTF_8);
    Path examples = dir.resolve("examples");
    Path statistics = dir.resolve("statistics");
    assertEquals(0, CliRun.of("examplegen", "--input=" + csv, "--output=" + examples).exitCode());
    CliRun stats = CliRun.of("statistics", "--examples=" + examples, "--output=" + statistics);
    assertEquals(0, stats.exitCode(), stats.err());
    assertEquals("Culmen_Length__mm_", ColumnNamesFile.read(statistics.toString()).field("Culmen Length (mm)"));
    assertTrue(Files.readString(statistics.resolve("statistics.html")).contains("Culmen Length (mm)"));

    Path schemaDir = dir.resolve("schema");
    assertEquals(0, CliRun.of("schemagen", "--statistics=" + statistics, "--output=" + schemaDir).exitCode());
    // A schema that does not list the column: every split has a column the schema lacks.
    ObjectMapper json = new ObjectMapper();
    Path schemaFile = schemaDir.resolve("schema.json");
    JsonNode schema = json.readTree(schemaFile.toFile());
    for (Iterator<JsonNode> it = ((ArrayNode) schema.get("features")).elements(); it.hasNext(); ) {
      if (it.next().get("name").asText().equals("Culmen_Length__mm_")) {
        it.remove();
      }
    }
    json.writeValue(schemaFile.toFile(), schema);

    Path anomalies = dir.resolve("anomalies");
    CliRun run = CliRun.of("validate", "--statistics=" + statistics, "--schema=" + schemaDir, "--output=" + anomalies);
    assertEquals(3, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("train: ERROR 'Culmen Length (mm)' (field Culmen_Length__mm_): "), run.out());
    String report = Files.readString(anomalies.resolve("anomalies.html"));
    assertTrue(report.contains("Culmen Length (mm)"), "anomalies.html shows the original name");
    assertTrue(Files.readString(anomalies.resolve("Split-train/anomalies.json")).contains("\"Culmen_Length__mm_\""),
        "anomalies.json keeps the field name, as the schema does");
  }
}
