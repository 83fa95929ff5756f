package io.tributary.transforms.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The statistics.json format: exact round trips, the golden file, and clear errors. */
class StatisticsJsonTest {
  static final String GOLDEN = "statistics-v1.json";

  /** The small dataset behind the golden file: every feature type, weights, one slice column. */
  static List<Row> goldenRows() {
    Schema schema =
        Schema.builder()
            .addNullableField("name", FieldType.STRING)
            .addNullableField("size", FieldType.INT64)
            .addNullableField("score", FieldType.DOUBLE)
            .addNullableField("ok", FieldType.BOOLEAN)
            .addNullableField("blob", FieldType.BYTES)
            .addField("w", FieldType.DOUBLE)
            .build();
    List<Row> rows = new ArrayList<>();
    rows.add(Row.withSchema(schema).addValues("ant", 3L, 0.5, true, null, 1.0).build());
    rows.add(Row.withSchema(schema).addValues("bee", 0L, Double.NaN, false, new byte[] {1}, 2.0).build());
    rows.add(Row.withSchema(schema).addValues("ant", null, -1.25, true, null, 0.5).build());
    rows.add(Row.withSchema(schema).addValues(null, 7L, 1e-3, null, null, 1.0).build());
    rows.add(Row.withSchema(schema).addValues("", 7L, null, false, null, 3.0).build());
    return rows;
  }

  static DatasetStatistics goldenStatistics() {
    List<Row> rows = goldenRows();
    return LocalStatistics.compute(rows.get(0).getSchema(), rows, "w", "ok");
  }

  @Test
  void roundTripIsExact() {
    for (DatasetStatistics stats :
        List.of(
            goldenStatistics(),
            LocalStatistics.compute(Penguins.SCHEMA, Penguins.rows(), null, "species", "island"),
            LocalStatistics.compute(EdgeData.SCHEMA, EdgeData.rows(), null))) {
      String json = StatisticsJson.toJson(stats);
      DatasetStatistics read = StatisticsJson.fromJson(json);
      assertEquals(stats, read);
      assertEquals(json, StatisticsJson.toJson(read), "writing what was read gives the same text");
    }
  }

  @Test
  void writesAndReadsFiles(@TempDir Path dir) throws IOException {
    DatasetStatistics stats = goldenStatistics();
    Path file = dir.resolve(StatisticsJson.FILE_NAME);
    StatisticsJson.write(stats, file);
    assertEquals(stats, StatisticsJson.read(file));
  }

  @Test
  void coderEncodesTheArtifact() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(DatasetStatisticsCoder.of(), goldenStatistics());
    CoderProperties.coderDeterministic(
        DatasetStatisticsCoder.of(), goldenStatistics(), goldenStatistics());
  }

  /** A committed version-1 file must keep reading, with the same figures and the same text. */
  @Test
  void goldenFileStillReads() throws IOException {
    String text = golden();
    DatasetStatistics stats = StatisticsJson.fromJson(text);
    assertEquals(5, stats.rowCount());
    assertEquals(7.5, stats.overall().weightedRowCount());
    assertEquals("w", stats.weightColumn());
    assertEquals(StatisticsOptions.defaults(), stats.options());
    FeatureStatistics name = stats.feature("name");
    assertEquals(1, name.numMissing());
    assertEquals(List.of(ValueCount.of("ant", 2), ValueCount.of("", 1), ValueCount.of("bee", 1)),
        name.string().topValues());
    assertEquals(3, name.string().distinctCount());
    NumericStatistics size = stats.feature("size").numeric();
    assertEquals(0, size.min());
    assertEquals(7, size.max());
    assertEquals(4.25, size.mean());
    assertEquals(1, size.numZeros());
    NumericStatistics score = stats.feature("score").numeric();
    assertEquals(1, score.numNaN());
    assertEquals(FeatureType.OTHER, stats.feature("blob").type());
    assertEquals(BooleanStatistics.of(2, 2), stats.feature("ok").bool());
    assertEquals(3, stats.slices().size());
    assertNull(stats.slices().get(2).value(), "the slice of rows missing 'ok'");
    assertEquals(text, StatisticsJson.toJson(stats), "the writer still writes this format");
    DatasetStatistics doubled = Statistics.merge(stats, stats);
    assertEquals(10, doubled.rowCount(), "the golden sketches still decode and merge");
    assertEquals(4, doubled.feature("name").string().topValues().get(0).count());
    assertEquals(goldenStatistics(), stats, "the computation still gives the golden figures");
  }

  private static String golden() throws IOException {
    try (InputStream in = StatisticsJsonTest.class.getResourceAsStream(GOLDEN)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void rejectsOtherFormatVersions() throws IOException {
    String future = golden().replace("\"formatVersion\" : 1", "\"formatVersion\" : 2");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> StatisticsJson.fromJson(future));
    assertTrue(e.getMessage().contains("formatVersion 2"), e.getMessage());
  }

  @Test
  void namesTheMissingField() throws IOException {
    String broken = golden().replaceFirst("\"numMissing\"", "\"numLost\"");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> StatisticsJson.fromJson(broken));
    assertEquals("statistics.features[0].numMissing: missing", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> StatisticsJson.fromJson("{not json"));
  }
}
