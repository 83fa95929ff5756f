package io.tributary.transforms.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.schema.ComparatorMetric;
import io.tributary.transforms.schema.DatasetSchema;
import io.tributary.transforms.schema.FeatureSchema;
import io.tributary.transforms.statistics.DatasetStatistics;
import io.tributary.transforms.statistics.FeatureStatistics;
import io.tributary.transforms.statistics.FeatureType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.junit.jupiter.api.Test;

/** Every distance and its default threshold on small hand-made data, with exact values. */
class DistancesTest {
  // Baseline a a a a a a b b b b; current a a a b b b b b b b.
  private static final FeatureStatistics CAT_A =
      Data.feature("c", FieldType.STRING, "a", "a", "a", "a", "a", "a", "b", "b", "b", "b");
  private static final FeatureStatistics CAT_B =
      Data.feature("c", FieldType.STRING, "a", "a", "a", "b", "b", "b", "b", "b", "b", "b");
  // Baseline 1..10, current 6..15: cut at the baseline deciles 1..9, the current fills bins 6 to 10.
  private static final FeatureStatistics NUM_A = Data.feature("n", FieldType.INT64, Data.longs(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
  private static final FeatureStatistics NUM_B =
      Data.feature("n", FieldType.INT64, Data.longs(6, 7, 8, 9, 10, 11, 12, 13, 14, 15));

  private static Measurement measure(FeatureDistance distance, FeatureStatistics a, FeatureStatistics b) {
    return distance.measure(a, b).orElseThrow();
  }

  @Test
  void lInfinityOfCategories() {
    Measurement m = measure(new LInfinityDistance(), CAT_A, CAT_B);
    assertEquals(0.3, m.value(), 1e-12);
    assertEquals(2, m.bins());
    // z(1 - 0.001/4) = 3.4808 × 0.5 × sqrt(1/10 + 1/10)
    assertEquals(3.4808 * 0.5 * Math.sqrt(0.2), m.defaultThreshold(), 1e-4);
    assertEquals(Optional.empty(), new LInfinityDistance().measure(NUM_A, NUM_B));
  }

  @Test
  void lInfinityOfBooleans() {
    FeatureStatistics a = Data.feature("b", FieldType.BOOLEAN, true, true, true, false);
    FeatureStatistics b = Data.feature("b", FieldType.BOOLEAN, true, false, false, false);
    assertEquals(0.5, measure(new LInfinityDistance(), a, b).value(), 1e-12);
  }

  @Test
  void jensenShannonOfCategoriesAndBins() {
    assertEquals(0.06665370714512762, measure(new JensenShannonDistance(), CAT_A, CAT_B).value(), 1e-12);
    Measurement numeric = measure(new JensenShannonDistance(), NUM_A, NUM_B);
    assertEquals(0.3929145274961855, numeric.value(), 1e-12);
    assertEquals(10, numeric.bins());
    // chi2(0.999, 9) = 27.877; × (1/10 + 1/10) / (8 ln 2); Wilson-Hilferty is within 1%.
    assertEquals(27.877 * 0.2 / (8 * Math.log(2)), numeric.defaultThreshold(), 0.01 * 1.0055);
    assertEquals(0.0, measure(new JensenShannonDistance(), NUM_A, NUM_A).value(), 1e-15);
  }

  @Test
  void populationStabilityIndexWithHalfCountSmoothing() {
    assertEquals(0.30814495422878563, measure(new PopulationStabilityIndex(), CAT_A, CAT_B).value(), 1e-12);
    assertEquals(0.8549831191538457, measure(new PopulationStabilityIndex(), NUM_A, NUM_B).value(), 1e-12);
  }

  @Test
  void normalizedAbsoluteDifferenceHasNoDefaultThreshold() {
    Measurement m = measure(new NormalizedAbsDifference(), CAT_A, CAT_B);
    assertEquals(0.15, m.value(), 1e-12);
    assertTrue(Double.isNaN(m.defaultThreshold()));
    assertEquals(0.25, measure(new NormalizedAbsDifference(), NUM_A, NUM_B).value(), 1e-12);
    // Same shares, twice the volume: only this distance sees it.
    FeatureStatistics twice = Data.feature("c", FieldType.STRING, "a", "a", "a", "a", "a", "a", "b", "b", "b", "b",
        "a", "a", "a", "a", "a", "a", "b", "b", "b", "b");
    assertEquals(6.0 / 30, measure(new NormalizedAbsDifference(), CAT_A, twice).value(), 1e-12);
    assertEquals(0.0, measure(new LInfinityDistance(), CAT_A, twice).value(), 1e-12);
  }

  @Test
  void kolmogorovSmirnovFromExactSketches() {
    FeatureStatistics a = Data.feature("n", FieldType.DOUBLE, Data.doubles(1, 2, 3, 4));
    FeatureStatistics b = Data.feature("n", FieldType.DOUBLE, Data.doubles(3, 4, 5, 6));
    Measurement m = measure(new KolmogorovSmirnovDistance(), a, b);
    assertEquals(0.5, m.value(), 1e-12);
    assertEquals(Math.sqrt(-Math.log(0.0005) / 2) * Math.sqrt(8.0 / 16), m.defaultThreshold(), 1e-12);
    assertEquals(Optional.empty(), new KolmogorovSmirnovDistance().measure(CAT_A, CAT_B));
  }

  @Test
  void kolmogorovSmirnovOnLargeSamplesAccountsForTheSketchError() {
    Random random = new Random(42);
    Object[] x = new Object[2_000];
    Object[] y = new Object[2_000];
    Object[] shifted = new Object[2_000];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextGaussian();
      y[i] = random.nextGaussian();
      shifted[i] = random.nextGaussian() + 0.5;
    }
    FeatureStatistics a = Data.feature("n", FieldType.DOUBLE, x);
    Measurement same = measure(new KolmogorovSmirnovDistance(), a, Data.feature("n", FieldType.DOUBLE, y));
    // c(alpha) sqrt(2/2000) = 0.0616, plus two rank errors of a k=200 sketch (about 0.0133 each).
    assertEquals(0.0616 + 2 * 0.0133, same.defaultThreshold(), 0.003);
    assertTrue(same.value() < same.defaultThreshold(), same.toString());
    // Half a standard deviation moves the CDF by 2 Phi(0.25) - 1 = 0.197.
    Measurement moved = measure(new KolmogorovSmirnovDistance(), a, Data.feature("n", FieldType.DOUBLE, shifted));
    assertEquals(0.197, moved.value(), 0.04);
    assertTrue(moved.value() > moved.defaultThreshold());
  }

  @Test
  void theFloorHoldsForHugeSamples() {
    // 20,000 values a side: the statistical bound (0.019 + sketch errors 0.027) is below the floor.
    Random random = new Random(7);
    Object[] x = new Object[20_000];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextGaussian();
    }
    FeatureStatistics a = Data.feature("n", FieldType.DOUBLE, x);
    assertEquals(KolmogorovSmirnovDistance.FLOOR, measure(new KolmogorovSmirnovDistance(), a, a).defaultThreshold());
    assertEquals(PopulationStabilityIndex.FLOOR, measure(new PopulationStabilityIndex(), a, a).defaultThreshold());
    assertEquals(JensenShannonDistance.FLOOR, measure(new JensenShannonDistance(), a, a).defaultThreshold());
  }

  @Test
  void distancesDoNotApplyToMismatchedOrEmptyFeatures() {
    FeatureStatistics empty = Data.feature("n", FieldType.INT64, null, null);
    for (FeatureDistance distance : List.of(new JensenShannonDistance(), new PopulationStabilityIndex(),
        new NormalizedAbsDifference(), new KolmogorovSmirnovDistance(), new LInfinityDistance())) {
      assertEquals(Optional.empty(), distance.measure(NUM_A, empty));
      assertEquals(Optional.empty(), distance.measure(NUM_A, CAT_A));
    }
  }

  @Test
  void criticalValues() {
    assertEquals(1.959964, CriticalValues.normalQuantile(0.975), 1e-6);
    assertEquals(-3.090232, CriticalValues.normalQuantile(0.001), 1e-6);
    assertEquals(3.090232, CriticalValues.normalQuantile(0.999), 1e-6);
    assertEquals(27.877, CriticalValues.chiSquareQuantile(0.999, 9), 0.3);
    assertEquals(10.828, CriticalValues.chiSquareQuantile(0.999, 1), 0.4);
    assertEquals(1.9495, CriticalValues.ksCoefficient(), 1e-4);
  }

  @Test
  void schemaThresholdsOverrideDefaultsAndEveryDistanceIsReported() {
    FeatureSchema c =
        FeatureSchema.builder("c", FeatureType.STRING)
            .setSkewThresholds(Map.of(ComparatorMetric.L_INFINITY, 0.25, ComparatorMetric.NORMALIZED_ABS_DIFFERENCE, 0.2))
            .build();
    DatasetSchema schema = DatasetSchema.builder().setFeatures(List.of(c)).build();
    DatasetStatistics training = Data.column("c", FieldType.STRING, "a", "a", "a", "a", "a", "a", "b", "b", "b", "b");
    DatasetStatistics serving = Data.column("c", FieldType.STRING, "a", "a", "a", "b", "b", "b", "b", "b", "b", "b");
    Anomalies anomalies = ExampleValidator.validate(schema).withSkewBaseline(training).check(serving);
    assertEquals(4, anomalies.distances().size());
    DistanceResult linf = anomalies.distances().get(0);
    assertEquals(ComparatorMetric.L_INFINITY, linf.metric());
    assertEquals(Comparison.SKEW, linf.comparison());
    assertEquals(0.25, linf.threshold());
    assertTrue(linf.thresholdFromSchema() && linf.exceeded());
    DistanceResult js = anomalies.distances().get(1);
    assertFalse(js.thresholdFromSchema() || js.exceeded());
    Anomaly skew = anomalies.ofType(AnomalyType.SKEW).get(0);
    assertEquals(1, anomalies.ofType(AnomalyType.SKEW).size());
    assertEquals(ComparatorMetric.L_INFINITY, skew.metric());
    assertEquals(Severity.ERROR, skew.severity());
    assertEquals(0.3, skew.measured(), 1e-12);
    assertEquals(
        "The lInfinity distance between training and serving data is 0.3, above the schema's threshold 0.25 (for 10 and 10 values).",
        skew.description());
  }
}
