package io.tributary.transforms.artifacts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.schema.DatasetSchema;
import io.tributary.transforms.schema.SchemaGen;
import io.tributary.transforms.schema.SchemaJson;
import io.tributary.transforms.statistics.DatasetStatistics;
import io.tributary.transforms.statistics.StatisticsJson;
import io.tributary.transforms.validation.CsvTable;
import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver-side readers and writers: URIs and local paths reach the same bytes. */
class ArtifactFilesTest {
  private static final DatasetStatistics STATISTICS = CsvTable.penguins().statistics();

  @Test
  void pathAndUriWritersWriteTheSameBytes(@TempDir Path dir) throws Exception {
    StatisticsJson.write(STATISTICS, dir.resolve("a.json"));
    StatisticsJson.write(STATISTICS, dir + "/nested/b.json");   // missing folders are made
    assertArrayEquals(Files.readAllBytes(dir.resolve("a.json")), Files.readAllBytes(dir.resolve("nested/b.json")));
    assertEquals(STATISTICS, StatisticsJson.read(dir + "/nested/b.json"));
    assertEquals(StatisticsJson.toJson(STATISTICS), Files.readString(dir.resolve("a.json")));
  }

  @Test
  void resolveNamesAFileInAFolder(@TempDir Path dir) {
    assertEquals(dir.resolve("schema.json").toString(), ArtifactFiles.resolve(dir.toString(), "schema.json"));
    assertEquals(dir.resolve("schema.json").toString(), ArtifactFiles.resolve(dir + "/", "schema.json"));
    assertEquals(Path.of("rel/x.json").toAbsolutePath().toString(), ArtifactFiles.resolve("rel", "x.json"));
    assertThrows(IllegalArgumentException.class, () -> ArtifactFiles.resolve(" ", "x.json"));
  }

  @Test
  void errorsNameTheFile(@TempDir Path dir) throws Exception {
    assertThrows(FileNotFoundException.class, () -> SchemaJson.read(dir + "/missing.json"));
    Files.writeString(dir.resolve("bad.json"), "{\"formatVersion\": 99}");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SchemaJson.read(dir.resolve("bad.json")));
    assertTrue(e.getMessage().startsWith(dir.resolve("bad.json") + ": "), e.getMessage());
    DatasetSchema schema = SchemaGen.infer().from(STATISTICS);
    SchemaJson.write(schema, dir.toString() + "/schema.json");
    assertEquals(schema, SchemaJson.read(dir.resolve("schema.json")));
  }
}
