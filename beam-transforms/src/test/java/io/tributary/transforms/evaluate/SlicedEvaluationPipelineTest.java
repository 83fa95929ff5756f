package io.tributary.transforms.evaluate;

import static io.tributary.transforms.evaluate.ScoredRows.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Metrics per slice of hand-made scored rows, exact to rounding, on every runner. */
@Tag("portable")
@ExtendWith(TestPipelineExtension.class)
class SlicedEvaluationPipelineTest {

  private static final double EPS = 1e-12;

  @Test
  void classificationMetricsOfEverySliceInOnePass(TestPipeline p) {
    PCollection<KV<SliceKey, ClassificationMetrics>> metrics =
        p.apply(Create.of(ScoredRows.BINARY).withRowSchema(ScoredRows.CLASSIFICATION))
            .apply(
                Evaluate.classification("species")
                    .withSlices(Slice.overall(), Slice.by("island"), Slice.cross("island", "sex")));

    PAssert.that(metrics).satisfies(results -> {
      Map<SliceKey, ClassificationMetrics> bySlice = new TreeMap<>();
      results.forEach(kv -> bySlice.put(kv.getKey(), kv.getValue()));
      assertEquals(
          Set.of(
              SliceKey.OVERALL,
              key("island", "X"), key("island", "Y"), key("island", SliceKey.MISSING),
              key("island", "X", "sex", "m"), key("island", "X", "sex", "f"), key("island", "Y", "sex", "m"),
              key("island", "Y", "sex", SliceKey.MISSING), key("island", SliceKey.MISSING, "sex", "f")),
          bySlice.keySet());

      ClassificationMetrics overall = bySlice.get(SliceKey.OVERALL);
      assertEquals(5, overall.examples());
      assertEquals(0.6, overall.accuracy(), EPS);
      assertEquals(2.0 / 3, overall.perClass().get("a").precision(), EPS);
      assertEquals(0.5, overall.perClass().get("b").recall(), EPS);
      assertEquals((2.0 / 3 + 0.5) / 2, overall.macroF1(), EPS);
      assertEquals(5.0 / 6, overall.rocAuc(), EPS);
      assertEquals(5.0 / 6, overall.perClass().get("a").rocAuc(), EPS);
      double logLoss = -(Math.log(0.9) + Math.log(0.4) + Math.log(0.8) + Math.log(0.3) + Math.log(0.8)) / 5;
      assertEquals(logLoss, overall.logLoss(), EPS);
      assertEquals(Map.of("a", Map.of("a", 2L, "b", 1L), "b", Map.of("a", 1L, "b", 1L)), overall.confusion());

      ClassificationMetrics x = bySlice.get(key("island", "X"));
      assertEquals(2, x.examples());
      assertEquals(0.5, x.accuracy(), EPS);
      assertNull(x.rocAuc(), "island X has no row labelled b: the AUC is undefined");
      ClassMetrics yb = bySlice.get(key("island", "Y")).perClass().get("b");
      assertEquals(new ClassMetrics(1.0, 0.5, 2.0 / 3, 2, null, 1.0), yb);
      assertEquals(1, bySlice.get(key("island", SliceKey.MISSING)).examples());
      assertEquals(1.0, bySlice.get(key("island", SliceKey.MISSING, "sex", "f")).accuracy(), EPS);
      assertEquals(0.0, bySlice.get(key("island", "Y", "sex", SliceKey.MISSING)).accuracy(), EPS);
      return null;
    });
    p.run().waitUntilFinish();
  }

  @Test
  void regressionMetricsPerValueOfAnIntegerColumn(TestPipeline p) {
    PCollection<KV<SliceKey, RegressionMetrics>> metrics =
        p.apply(Create.of(ScoredRows.NUMBERS).withRowSchema(ScoredRows.REGRESSION))
            .apply(Evaluate.regression("y").withSlices(Slice.overall(), Slice.by("group")));

    PAssert.that(metrics).satisfies(results -> {
      Map<SliceKey, RegressionMetrics> bySlice = new TreeMap<>();
      results.forEach(kv -> bySlice.put(kv.getKey(), kv.getValue()));
      assertEquals(Set.of(SliceKey.OVERALL, key("group", "1"), key("group", "2")), bySlice.keySet());
      RegressionMetrics overall = bySlice.get(SliceKey.OVERALL);
      assertEquals(3, overall.examples());
      assertEquals(1, overall.unlabelled());
      assertEquals(Math.sqrt(1.0 / 3), overall.rmse(), EPS);
      assertEquals(1.0 / 3, overall.mae(), EPS);
      assertEquals(0.5, overall.r2(), EPS);
      assertEquals(new RegressionMetrics(2, 0, 0, 0, 1, 0.5), bySlice.get(key("group", "1")));
      assertEquals(new RegressionMetrics(1, 1, 1, 1, 0, 0), bySlice.get(key("group", "2")));
      return null;
    });
    p.run().waitUntilFinish();
  }
}
