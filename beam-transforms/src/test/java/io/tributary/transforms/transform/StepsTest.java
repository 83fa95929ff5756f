package io.tributary.transforms.transform;

import static io.tributary.transforms.transform.SmallData.apply;
import static io.tributary.transforms.transform.SmallData.fit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

/** Every step with exact expected values on {@link SmallData}. */
class StepsTest {

  private static final double EPS = 1e-12;
  private static final Long HASH_OF_ADELIE = 57L;
  private static final Long HASH_OF_TOKYO = 44L;

  private static double num(Object value) {
    return (Double) value;
  }

  @Test
  void zScoreUsesTheMeanAndPopulationStdDevOfObservedValues() {
    TransformFn fn = fit("x", Step.zScore());
    Constants c = fn.constants("out").get(0);
    assertEquals(4L, c.count());
    assertEquals(2.5, c.mean(), EPS);
    assertEquals(Math.sqrt(1.25), c.stdDev(), EPS);
    assertEquals(1.5 / Math.sqrt(1.25), num(apply(fn, "x", 4.0)), EPS);
    assertNull(apply(fn, "x", null));
    assertTrue(fn.outputSchema().getField("out").getType().getNullable());
  }

  @Test
  void imputeMeanThenZScoreMapsMissingToZero() {
    TransformFn fn = fit("x", Step.imputeMean(), Step.zScore());
    assertEquals(2.5, (Double) fn.constants("out").get(0).fill(), EPS);
    assertEquals(0.0, num(apply(fn, "x", null)), EPS);
    assertFalse(fn.outputSchema().getField("out").getType().getNullable());
  }

  @Test
  void imputeMedianMostFrequentAndConstant() {
    assertEquals(2.0, num(apply(fit("x", Step.imputeMedian()), "x", null)), EPS);
    assertEquals(3.0, num(apply(fit("x", Step.imputeMedian()), "x", 3.0)), EPS);
    assertEquals("b", apply(fit("c", Step.imputeMostFrequent()), "c", null));
    assertEquals(5L, apply(fit("n", Step.imputeMostFrequent()), "n", null));
    assertEquals(7L, apply(fit("n", Step.imputeConstant(7L)), "n", null));
    assertEquals("none", apply(fit("c", Step.imputeConstant("none")), "c", null));
    assertEquals(-1.5, num(apply(fit("x", Step.imputeConstant(-1.5)), "x", null)), EPS);
    // Mean of an integer column produces doubles, present values included.
    assertEquals(6.0, num(apply(fit("n", Step.imputeMean()), "n", 6L)), EPS);
    assertEquals(23.0 / 4, num(apply(fit("n", Step.imputeMean()), "n", null)), EPS);
  }

  @Test
  void scaleTo01CountsValuesOutsideTheFittedRange() {
    TransformFn fn = fit("x", Step.scaleTo01());
    assertEquals(0.5, num(apply(fn, "x", 2.5)), EPS);
    assertEquals(0.0, num(apply(fn, "x", 1.0)), EPS);
    List<String> events = new ArrayList<>();
    Row in = SmallData.row(5.0, null, null, null);
    assertEquals(4.0 / 3, fn.apply(in, (feature, event) -> events.add(event.counterName(feature)))
        .getDouble("out"), EPS);
    assertEquals(List.of("out_of_range_out"), events);
  }

  @Test
  void clipClampsAndCounts() {
    TransformFn fn = fit("x", Step.scaleTo01(), Step.clip(0.0, 1.0));
    assertEquals(1.0, num(apply(fn, "x", 9.0)), EPS);
    assertEquals(0.0, num(apply(fn, "x", -9.0)), EPS);
    assertEquals(0.25, num(apply(fit("x", Step.clip(null, 0.25)), "x", 3.0)), EPS);
    assertEquals(-7.0, num(apply(fit("x", Step.clip(null, 0.25)), "x", -7.0)), EPS);
  }

  @Test
  void log1pIsSymmetric() {
    TransformFn fn = fit("x", Step.log1p());
    assertEquals(0.0, num(apply(fn, "x", 0.0)), EPS);
    assertEquals(1.0, num(apply(fn, "x", Math.E - 1)), EPS);
    assertEquals(-1.0, num(apply(fn, "x", 1 - Math.E)), EPS);
    assertEquals(Math.log(1001), num(apply(fit("n", Step.log1p()), "n", 1000L)), EPS);
  }

  @Test
  void bucketizeByFixedBoundaries() {
    TransformFn fn = fit("x", Step.bucketize(2.0, 3.0));
    assertEquals(0L, apply(fn, "x", 1.9));
    assertEquals(1L, apply(fn, "x", 2.0));
    assertEquals(1L, apply(fn, "x", 2.5));
    assertEquals(2L, apply(fn, "x", 3.0));
    assertEquals(2L, apply(fn, "x", 1e300));
    assertEquals(3, fn.constants("out").get(0).size());
  }

  @Test
  void bucketizeByFittedQuantiles() {
    TransformFn fn = fit("x", Step.quantileBuckets(2));
    assertEquals(List.of(2.0), fn.constants("out").get(0).boundaries());
    assertEquals(0L, apply(fn, "x", 1.0));
    assertEquals(1L, apply(fn, "x", 2.0));
  }

  @Test
  void vocabularyIndexesByFrequencyAndHandlesUnseenValues() {
    TransformFn fn = fit("c", Step.vocabulary());
    assertEquals(List.of("b", "a"), fn.constants("out").get(0).vocabulary());
    assertEquals(0L, apply(fn, "c", "b"));
    assertEquals(1L, apply(fn, "c", "a"));
    List<String> events = new ArrayList<>();
    Row unseen = SmallData.row(null, null, "z", null);
    assertEquals(-1L, fn.apply(unseen, (feature, event) -> events.add(event.name())).getInt64("out"));
    assertEquals(List.of("OUT_OF_VOCABULARY"), events);

    TransformFn withOov = fit("c", Step.vocabulary().withOovBuckets(2));
    long oov = (Long) apply(withOov, "c", "z");
    assertTrue(oov == 2 || oov == 3, "OOV index " + oov);
    assertEquals(oov, apply(withOov, "c", "z"));
    assertEquals(4, withOov.constants("out").get(0).size());
    assertEquals(List.of("b"), fit("c", Step.vocabulary().withTopK(1)).constants("out").get(0).vocabulary());
    assertEquals(List.of("b"), fit("c", Step.vocabulary().withFrequencyThreshold(2)).constants("out").get(0).vocabulary());
    assertEquals(List.of("5", "6", "7"), fit("n", Step.vocabulary()).constants("out").get(0).vocabulary());
  }

  @Test
  void oneHotOfVocabularyBucketsAndMissing() {
    TransformFn fn = fit("c", Step.vocabulary(), Step.oneHot());
    assertEquals(List.of(0.0, 1.0), apply(fn, "c", "a"));
    assertEquals(List.of(0.0, 0.0), apply(fn, "c", "unseen"));
    assertEquals(List.of(0.0, 0.0), apply(fn, "c", null));
    assertEquals(FieldType.array(FieldType.DOUBLE), fn.outputSchema().getField("out").getType());
    assertEquals(List.of(0.0, 0.0, 1.0), apply(fit("x", Step.bucketize(2.0, 3.0), Step.oneHot()), "x", 7.0));
  }

  @Test
  void hashIsStableAndPinned() {
    TransformFn fn = fit("c", Step.hash(100));
    // Pinned: MurmurHash3 x64 128 (first half, seed 0) of the UTF-8 bytes, floorMod 100.
    assertEquals(HASH_OF_ADELIE, apply(fn, "c", "Adelie"));
    assertEquals(HASH_OF_TOKYO, apply(fn, "c", "東京"));
    assertEquals(100, fn.constants("out").get(0).size());
    Object seeded = apply(fit("c", Step.hash(100).withSeed(1)), "c", "Adelie");
    assertTrue((Long) seeded >= 0 && (Long) seeded < 100);
  }

  @Test
  void crossJoinsCategoriesAndIsMissingWhenAnInputIs() {
    TransformSpec spec =
        TransformSpec.builder().feature("out", List.of("c", "n"), Step.cross()).drop("x", "d").build();
    TransformFn fn = TransformFn.fit(spec, SmallData.SCHEMA, SmallData.rows());
    assertEquals("b_X_5", fn.apply(SmallData.row(null, 5L, "b", null)).getString("out"));
    assertNull(fn.apply(SmallData.row(null, null, "b", null)).getString("out"));
    TransformSpec hashed =
        TransformSpec.builder().feature("out", List.of("c", "d"), Step.cross(), Step.vocabulary()).drop("x", "n").build();
    TransformFn vocab = TransformFn.fit(hashed, SmallData.SCHEMA, SmallData.rows());
    assertEquals(List.of("b_X_p", "a_X_q", "b_X_q"), vocab.constants("out").get(1).vocabulary());
  }

  @Test
  void missingIndicator() {
    TransformFn fn = fit("x", Step.missingIndicator());
    assertEquals(1L, apply(fn, "x", null));
    assertEquals(0L, apply(fn, "x", 3.0));
    assertEquals(1L, apply(fn, "x", Double.NaN));
    assertFalse(fn.outputSchema().getField("out").getType().getNullable());
  }

  @Test
  void booleanColumnsAreCategories() {
    Schema schema = Schema.builder().addBooleanField("flag").build();
    TransformSpec spec = TransformSpec.builder().feature("out", "flag", Step.vocabulary()).build();
    List<Row> rows = List.of(
        Row.withSchema(schema).addValue(true).build(), Row.withSchema(schema).addValue(true).build(),
        Row.withSchema(schema).addValue(false).build());
    TransformFn fn = TransformFn.fit(spec, schema, rows);
    assertEquals(List.of("true", "false"), fn.constants("out").get(0).vocabulary());
    assertEquals(1L, fn.apply(rows.get(2)).getInt64("out"));
  }
}
