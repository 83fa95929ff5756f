package io.tributary.transforms.transform;

import static io.tributary.transforms.transform.SmallData.apply;
import static io.tributary.transforms.transform.SmallData.fit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

/** Empty data, all-missing and constant columns, huge values, unicode: defined results, no crash. */
class EdgeCasesTest {

  private static final double EPS = 1e-12;

  private static List<Row> xs(Double... values) {
    List<Row> rows = new ArrayList<>();
    for (Double x : values) {
      rows.add(SmallData.row(x, null, null, null));
    }
    return rows;
  }

  @Test
  void emptyTrainingDataFitsNeutralConstants() {
    TransformFn fn = TransformFn.fit(TransformFnTest.SPEC, SmallData.SCHEMA, List.of());
    assertEquals(0, fn.numExamples());
    assertEquals(Constants.moments(0, 0.0, 0.0), fn.constants("x_z").get(1));
    assertEquals(Constants.fill(0L, 0.0), fn.constants("x_z").get(0));
    assertEquals(List.of(), fn.constants("x_q").get(0).boundaries());
    assertEquals(List.of(), fn.constants("c_id").get(1).vocabulary());
    assertEquals(0L, fn.constants("n_b").get(0).fill());
    Row out = fn.apply(SmallData.row(3.0, 6L, "b", "p"));
    assertEquals(3.0, out.getDouble("x_z"), EPS); // x - mean, as with zero variance
    assertEquals(1.0, out.getDouble("x_01"), EPS); // above the degenerate range [0, 0]
    assertEquals(List.of(1.0), out.getArray("x_q")); // one bucket
    assertEquals(0L, out.getInt64("c_id")); // the only index: the OOV bucket
    assertEquals(fn, TransformFn.fromJson(fn.toJson()));
    assertEquals("", fit("c", List.of(), Step.imputeMostFrequent()).constants("out").get(0).fill());
  }

  @Test
  void anAllMissingColumnFitsLikeAnEmptyOne() {
    TransformFn fn = fit("x", xs(null, null, Double.NaN), Step.imputeMean(), Step.zScore());
    assertEquals(0L, fn.constants("out").get(1).count());
    assertEquals(0.0, (Double) apply(fn, "x", null), EPS);
    assertEquals(2.0, (Double) apply(fn, "x", 2.0), EPS);
    TransformFn median = fit("x", xs(null, null), Step.imputeMedian(), Step.quantileBuckets(3));
    assertEquals(0.0, median.constants("out").get(0).fill());
    assertEquals(0L, apply(median, "x", 42.0));
  }

  @Test
  void aConstantColumnNeverDividesByZero() {
    TransformFn z = fit("x", xs(5.0, 5.0, 5.0), Step.zScore());
    assertEquals(0.0, z.constants("out").get(0).stdDev(), 0.0);
    assertEquals(0.0, (Double) apply(z, "x", 5.0), EPS);
    assertEquals(1.0, (Double) apply(z, "x", 6.0), EPS);
    TransformFn scaled = fit("x", xs(5.0, 5.0), Step.scaleTo01());
    assertEquals(0.5, (Double) apply(scaled, "x", 5.0), EPS);
    assertEquals(0.0, (Double) apply(scaled, "x", 4.0), EPS);
    assertEquals(1.0, (Double) apply(scaled, "x", 6.0), EPS);
    assertEquals(List.of(5.0), fit("x", xs(5.0, 5.0), Step.quantileBuckets(4)).constants("out").get(0).boundaries());
  }

  @Test
  void hugeValuesGiveFiniteResults() {
    TransformFn fn = fit("x", xs(1e300, -1e300, 1e300), Step.zScore());
    assertEquals(Double.MAX_VALUE, fn.constants("out").get(0).stdDev(), 0.0);
    double z = (Double) apply(fn, "x", 1e300);
    assertTrue(Double.isFinite(z) && Math.abs(z) < 1e-7, "z = " + z);
    assertEquals(fn, TransformFn.fromJson(fn.toJson()));
    TransformFn scaled = fit("x", xs(-Double.MAX_VALUE, Double.MAX_VALUE, Double.POSITIVE_INFINITY), Step.scaleTo01());
    assertEquals(Double.MAX_VALUE, scaled.constants("out").get(0).max(), 0.0); // infinity was missing
    assertTrue(Double.isFinite((Double) apply(scaled, "x", 0.0)));
    TransformFn longs =
        fit("n", List.of(SmallData.row(null, Long.MAX_VALUE, null, null), SmallData.row(null, 0L, null, null)),
            Step.zScore());
    assertEquals(1.0, (Double) apply(longs, "n", Long.MAX_VALUE), 1e-9);
  }

  @Test
  void unicodeCategoriesSurviveFittingJsonAndHashing() {
    List<Row> rows = new ArrayList<>();
    for (String c : List.of("東京", "Zürich", "🐧", "東京", "🐧", "🐧")) {
      rows.add(SmallData.row(null, null, c, null));
    }
    TransformFn fn = fit("c", rows, Step.vocabulary());
    TransformFn again = TransformFn.fromJson(fn.toJson());
    assertEquals(List.of("🐧", "東京", "Zürich"), again.constants("out").get(0).vocabulary());
    assertEquals(1L, apply(again, "c", "東京"));
    assertEquals(-1L, apply(again, "c", "Zurich"));
    TransformFn hashed = fit("c", rows, Step.hash(1000));
    assertEquals(apply(hashed, "c", "🐧"), apply(TransformFn.fromJson(hashed.toJson()), "c", "🐧"));
  }
}
