package io.tributary.transforms.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema.Parser;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fitted artifact: its JSON form, the golden file, files on disk and serving calls. */
class TransformFnTest {

  private static final String GOLDEN = "/io/tributary/transforms/transform/golden/transform_fn_v1.json";

  /** Every kind of step on {@link SmallData}: the content of the golden file. */
  static final TransformSpec SPEC =
      TransformSpec.builder()
          .feature("x_z", "x", Step.imputeMean(), Step.zScore())
          .feature("x_01", "x", Step.imputeMedian(), Step.scaleTo01(), Step.clip(0.0, 1.0))
          .feature("x_log", "x", Step.log1p())
          .feature("x_q", "x", Step.quantileBuckets(2), Step.oneHot())
          .feature("n_b", "n", Step.imputeMostFrequent(), Step.bucketize(5.5, 6.5))
          .feature("n_missing", "n", Step.missingIndicator())
          .feature("c_id", "c", Step.imputeConstant("none"), Step.vocabulary().withOovBuckets(1))
          .feature("cd", List.of("c", "d"), Step.cross(), Step.hash(16))
          .passThrough("d")
          .build();

  private static TransformFn fitted() {
    return TransformFn.fit(SPEC, SmallData.SCHEMA, SmallData.rows());
  }

  private static String golden() throws IOException {
    try (InputStream in = TransformFnTest.class.getResourceAsStream(GOLDEN)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theWriterWritesTheGoldenFile() throws IOException {
    String actual = fitted().toJson();
    if (!actual.equals(golden())) {
      Files.writeString(Path.of("target", "transform_fn_v1.actual.json"), actual);
    }
    assertEquals(golden(), actual, "format changed: see target/transform_fn_v1.actual.json");
  }

  @Test
  void theGoldenFileReadsAndApplies() throws IOException {
    TransformFn fn = TransformFn.fromJson(golden());
    assertEquals(5, fn.numExamples());
    assertEquals(2.5, fn.constants("x_z").get(1).mean(), 1e-12);
    assertEquals(List.of("b", "a"), fn.constants("c_id").get(1).vocabulary());
    Row out = fn.apply(SmallData.row(null, null, "a", "q"));
    assertEquals(0.0, out.getDouble("x_z"), 1e-12);
    assertEquals(1L, out.getInt64("n_missing"));
    assertEquals(1L, out.getInt64("c_id"));
    assertEquals(0L, out.getInt64("n_b"));
    assertEquals(List.of(0.0, 0.0), out.getArray("x_q"));
    assertEquals("q", out.getString("d"));
    assertEquals(List.of(0.0, 1.0), fn.apply(SmallData.row(3.0, 6L, "b", "p")).getArray("x_q"));
  }

  @Test
  void jsonRoundTripKeepsEveryConstant() {
    TransformFn fn = fitted();
    TransformFn again = TransformFn.fromJson(fn.toJson());
    assertEquals(fn, again);
    assertEquals(fn.outputSchema(), again.outputSchema());
    for (Row row : SmallData.rows()) {
      assertEquals(fn.apply(row), again.apply(row));
    }
  }

  @Test
  void newerFormatsAreRefusedWithAFix() throws IOException {
    String newer = golden().replace("\"formatVersion\" : 1", "\"formatVersion\" : 2");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TransformFn.fromJson(newer));
    assertTrue(e.getMessage().contains("upgrade Tributary"), e.getMessage());
    String unversioned = golden().replace("\"formatVersion\" : 1,", "");
    e = assertThrows(IllegalArgumentException.class, () -> TransformFn.fromJson(unversioned));
    assertTrue(e.getMessage().contains("formatVersion"), e.getMessage());
  }

  @Test
  void filesHoldTheFnAndTheAvroOutputSchema(@TempDir Path dir) throws IOException {
    TransformFn fn = fitted();
    TransformFnFiles.write(fn, dir.resolve("out").toString());
    assertEquals(fn, TransformFnFiles.read(dir.resolve("out").toString()));
    org.apache.avro.Schema avro =
        new Parser().parse(Files.readString(dir.resolve("out").resolve(TransformFnFiles.OUTPUT_SCHEMA)));
    assertEquals(fn.outputSchema().getFieldCount(), avro.getFields().size());
    assertEquals(org.apache.avro.Schema.Type.ARRAY, avro.getField("x_q").schema().getType());
  }

  @Test
  void servingMapsGiveTheSameValuesAsRows() {
    TransformFn fn = fitted();
    for (Row row : SmallData.rows()) {
      Map<String, Object> record = new HashMap<>();
      for (String column : SmallData.SCHEMA.getFieldNames()) {
        record.put(column, row.getValue(column));
      }
      assertEquals(fn.apply(row).getValues(), new ArrayList<>(fn.apply(record).values()));
    }
  }

  @Test
  void servingMapsConvertNumbersAndTreatAbsentValuesAsMissing() {
    TransformFn fn = fitted();
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("x", 4); // an Integer for a DOUBLE column
    record.put("n", 6.0); // an integral double for an INT64 column
    Map<String, Object> out = fn.apply(record);
    assertEquals(1.5 / Math.sqrt(1.25), (Double) out.get("x_z"), 1e-12);
    assertEquals(1L, out.get("n_b"));
    assertEquals(2L, out.get("c_id")); // imputed "none" is not in [b, a]: the one OOV bucket, index 2
    assertNull(out.get("cd"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> fn.apply(Map.of("x", "four")));
    assertTrue(e.getMessage().contains("column 'x' is DOUBLE"), e.getMessage());
  }

  @Test
  void unseenValuesAreCountedNeverThrown() {
    TransformFn fn = fitted();
    Map<String, Integer> counts = new HashMap<>();
    Tally tally = (feature, event) -> counts.merge(event.counterName(feature), 1, Integer::sum);
    fn.apply(SmallData.row(99.0, 1_000_000L, "new", "p"), tally);
    // All missing: c is imputed with "none", itself out of vocabulary.
    fn.apply(SmallData.row(null, null, null, null), tally);
    assertEquals(
        Map.of("oov_c_id", 2, "out_of_range_x_01", 2, "missing_x_z", 1, "missing_x_01", 1, "missing_x_log", 1,
            "missing_x_q", 1, "missing_n_b", 1, "missing_n_missing", 1, "missing_c_id", 1, "missing_cd", 1),
        counts);
  }
}
