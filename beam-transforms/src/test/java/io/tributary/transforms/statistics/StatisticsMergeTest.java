package io.tributary.transforms.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Statistics of A ∪ B in one pass equal the merge of the statistics of A and of B. */
@ExtendWith(TestPipelineExtension.class)
class StatisticsMergeTest {

  @Test
  @Tag("portable")
  void mergeOfTwoSpansEqualsOnePass(TestPipeline pipeline) {
    List<Row> rows = Penguins.rows();
    PCollection<DatasetStatistics> a = statistics(pipeline, "A", rows.subList(0, 200));
    PCollection<DatasetStatistics> b = statistics(pipeline, "B", rows.subList(200, rows.size()));
    PCollection<DatasetStatistics> both = statistics(pipeline, "AB", rows);

    PAssert.that(PCollectionList.of(a).and(b).and(both).apply(Flatten.pCollections()))
        .satisfies(
            all -> {
              Map<String, DatasetStatistics> byName = new HashMap<>();
              all.forEach(stats -> byName.put(stats.name(), stats));
              DatasetStatistics merged = Statistics.merge(byName.get("A"), byName.get("B"));
              assertEquals("A", merged.name(), "the merge takes the first one's name");
              assertMergeEqualsOnePass(merged, byName.get("AB"));
              List<Row> all344 = Penguins.rows();
              for (String name : List.of("bill_length_mm", "body_mass_g", "year")) {
                Expected.assertNumeric(merged.feature(name), Expected.column(all344, name));
              }
              Expected.assertString(merged.feature("island"), Expected.column(all344, "island"), 20);
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  private static PCollection<DatasetStatistics> statistics(
      TestPipeline pipeline, String name, List<Row> rows) {
    return pipeline
        .apply("Rows" + name, Create.of(rows).withRowSchema(Penguins.SCHEMA))
        .apply("Stats" + name, Statistics.generate().withDatasetName(name).withSlices("species"));
  }

  /** Exact figures equal (floats within rounding), sketch figures within their error. */
  static void assertMergeEqualsOnePass(DatasetStatistics merged, DatasetStatistics onePass) {
    assertEquals(onePass.slices().size(), merged.slices().size(), "same slices");
    List<SliceStatistics> mergedSlices = new ArrayList<>(merged.slices());
    mergedSlices.add(merged.overall());
    for (SliceStatistics slice : mergedSlices) {
      SliceStatistics expected =
          slice.isOverall() ? onePass.overall() : onePass.slice(slice.column(), slice.value());
      assertEquals(expected.rowCount(), slice.rowCount());
      Expected.assertClose(expected.weightedRowCount(), slice.weightedRowCount(), 1e-12, "weights");
      for (FeatureStatistics feature : slice.features()) {
        assertFeature(expected.feature(feature.name()), feature, expected.rowCount());
      }
    }
  }

  private static void assertFeature(FeatureStatistics expected, FeatureStatistics actual, long n) {
    String name = actual.name();
    assertEquals(expected.numNonMissing(), actual.numNonMissing(), name);
    assertEquals(expected.numMissing(), actual.numMissing(), name);
    Expected.assertClose(
        expected.weightedNumNonMissing(), actual.weightedNumNonMissing(), 1e-12, name);
    if (expected.numeric() != null) {
      NumericStatistics e = expected.numeric();
      NumericStatistics a = actual.numeric();
      assertEquals(e.min(), a.min(), name + " min");
      assertEquals(e.max(), a.max(), name + " max");
      assertEquals(e.numZeros(), a.numZeros(), name + " zeros");
      assertEquals(e.numNaN(), a.numNaN(), name + " NaN");
      double scale = Math.max(Math.abs(e.min()), Math.abs(e.max()));
      assertEquals(e.mean(), a.mean(), 1e-12 * scale, name + " mean");
      assertEquals(e.stdDev(), a.stdDev(), 1e-9 * scale, name + " std");
      Expected.assertClose(e.weightedMean(), a.weightedMean(), 1e-9, name + " weighted mean");
      // Both medians come from sketches of the same data: each is within the rank error.
      assertEquals(e.quantiles().size(), a.quantiles().size(), name + " quantiles");
    }
    if (expected.string() != null) {
      StringStatistics e = expected.string();
      StringStatistics a = actual.string();
      assertEquals(e.distinctCount(), a.distinctCount(), name + " distinct");
      assertEquals(e.topValues(), a.topValues(), name + " top values");
      assertEquals(e.weightedTopValues(), a.weightedTopValues(), name + " weighted top values");
      assertEquals(e.rankHistogram(), a.rankHistogram(), name + " rank histogram");
      assertEquals(e.totalLength(), a.totalLength(), name + " total length");
      assertEquals(e.minLength(), a.minLength(), name + " min length");
      assertEquals(e.maxLength(), a.maxLength(), name + " max length");
    }
    assertEquals(expected.bool(), actual.bool(), name + " booleans");
  }

  @Test
  void mergeOfWeightedSlicedStatisticsEqualsOnePass() {
    List<Row> rows = WeightedData.rows();
    Schema schema = WeightedData.SCHEMA;
    DatasetStatistics a = LocalStatistics.compute(schema, rows.subList(0, 25), "w", "group", "flag");
    DatasetStatistics b = LocalStatistics.compute(schema, rows.subList(25, 60), "w", "group", "flag");
    DatasetStatistics merged = Statistics.merge(a, b);
    assertMergeEqualsOnePass(merged, LocalStatistics.compute(schema, rows, "w", "group", "flag"));
    StatisticsEdgeCasesTest.assertWeightedAndSliced(merged);
  }

  @Test
  void mergeKeepsExtremeMeansAndDeviationsExact() {
    List<Row> rows = EdgeData.rows();
    DatasetStatistics a = LocalStatistics.compute(EdgeData.SCHEMA, rows.subList(0, 3333), null);
    DatasetStatistics b = LocalStatistics.compute(EdgeData.SCHEMA, rows.subList(3333, 10_000), null);
    DatasetStatistics merged = Statistics.merge(a, b);
    for (String name : List.of("extremes", "constant", "non_finite", "id", "all_missing")) {
      Expected.assertNumeric(merged.feature(name), Expected.column(rows, name));
    }
    StringStatistics skewed = merged.feature("skewed").string();
    assertTrue(skewed.maxFrequencyError() > 0, "merged sketch still reports its error");
    assertEquals(7001, skewed.distinctCount(), 0.026 * 7001, "HLL union within 2.6%");
    assertEquals("hot", skewed.topValues().get(0).value());
    assertEquals(3000, skewed.topValues().get(0).count(), skewed.maxFrequencyError());
  }

  @Test
  void mergeWithEmptyStatisticsChangesNothing() {
    DatasetStatistics penguins = LocalStatistics.compute(Penguins.SCHEMA, Penguins.rows(), null);
    DatasetStatistics empty = LocalStatistics.compute(Penguins.SCHEMA, List.of(), null);
    DatasetStatistics merged = Statistics.merge(empty, penguins).withNameAndSplit("local", "test");
    assertMergeEqualsOnePass(merged, penguins);
    assertEquals(
        penguins.feature("body_mass_g").numeric().quantiles(),
        merged.feature("body_mass_g").numeric().quantiles(),
        "merging an empty sketch leaves the quantiles as they were");
  }

  @Test
  void mergeRejectsDifferentSchemasAndWeights() {
    DatasetStatistics penguins = LocalStatistics.compute(Penguins.SCHEMA, Penguins.rows(), null);
    DatasetStatistics weighted =
        LocalStatistics.compute(WeightedData.SCHEMA, WeightedData.rows(), "w");
    DatasetStatistics unweighted =
        LocalStatistics.compute(WeightedData.SCHEMA, WeightedData.rows(), null);
    IllegalArgumentException schemas =
        assertThrows(IllegalArgumentException.class, () -> Statistics.merge(penguins, unweighted));
    assertTrue(schemas.getMessage().contains("different schemas"), schemas.getMessage());
    IllegalArgumentException weights =
        assertThrows(IllegalArgumentException.class, () -> Statistics.merge(weighted, unweighted));
    assertTrue(weights.getMessage().contains("withWeightColumn()"), weights.getMessage());
  }
}
