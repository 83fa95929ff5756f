package io.tributary.transforms.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.beam.sdk.schemas.SchemaCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Edge sizes and values, weights and slices, on every runner. */
@ExtendWith(TestPipelineExtension.class)
class StatisticsEdgeCasesTest {

  @Test
  @Tag("portable")
  void emptyInputStillGivesStatisticsWithZeroRows(TestPipeline pipeline) {
    PCollection<DatasetStatistics> stats =
        pipeline
            .apply(Create.empty(SchemaCoder.of(Penguins.SCHEMA)))
            .setRowSchema(Penguins.SCHEMA)
            .apply(Statistics.generate().withSlices("species").withWeightColumn("body_mass_g"));

    PAssert.thatSingleton(stats)
        .satisfies(
            actual -> {
              assertEquals(0, actual.rowCount());
              assertEquals(0.0, actual.overall().weightedRowCount());
              assertEquals(List.of(), actual.slices());
              assertEquals(Penguins.SCHEMA.getFieldNames().size(), actual.overall().features().size());
              for (String name : Penguins.SCHEMA.getFieldNames()) {
                assertEquals(0, actual.feature(name).count(), name);
              }
              List<Object> none = List.of();
              Expected.assertNumeric(actual.feature("body_mass_g"), none);
              Expected.assertString(actual.feature("species"), none, 20);
              Expected.assertBoolean(actual.feature("is_male"), none);
              assertEquals(List.of(), actual.feature("island").string().weightedTopValues());
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  @Tag("portable")
  void oneRow(TestPipeline pipeline) {
    List<Row> one = Penguins.rows().subList(0, 1);
    PCollection<DatasetStatistics> stats =
        pipeline.apply(Create.of(one).withRowSchema(Penguins.SCHEMA)).apply(Statistics.generate());

    PAssert.thatSingleton(stats)
        .satisfies(
            actual -> {
              List<Row> rows = Penguins.rows().subList(0, 1);
              assertEquals(1, actual.rowCount());
              NumericStatistics mass = actual.feature("body_mass_g").numeric();
              assertEquals(3750.0, mass.median());
              assertEquals(0.0, mass.stdDev());
              assertEquals(List.of(HistogramBucket.of(3750, 3750, 1)), mass.histogram());
              for (String name : List.of("bill_length_mm", "body_mass_g", "year")) {
                Expected.assertNumeric(actual.feature(name), Expected.column(rows, name));
              }
              Expected.assertString(actual.feature("species"), Expected.column(rows, "species"), 20);
              Expected.assertBoolean(actual.feature("is_male"), Expected.column(rows, "is_male"));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  @Tag("portable")
  void edgeValuesAndTypes(TestPipeline pipeline) {
    PCollection<DatasetStatistics> stats =
        pipeline
            .apply(Create.of(EdgeData.rows()).withRowSchema(EdgeData.SCHEMA))
            .apply(Statistics.generate());

    PAssert.thatSingleton(stats)
        .satisfies(
            actual -> {
              List<Row> rows = EdgeData.rows();
              assertEquals(EdgeData.ROWS, actual.rowCount());
              for (String name :
                  List.of(
                      "id", "constant", "all_missing", "extremes", "non_finite", "small", "tiny",
                      "single", "count32")) {
                Expected.assertNumeric(actual.feature(name), Expected.column(rows, name));
              }
              assertEquals(FeatureType.INT, actual.feature("small").type());
              assertEquals(FeatureType.INT, actual.feature("tiny").type());
              assertEquals(FeatureType.FLOAT, actual.feature("single").type());
              assertEquals(EdgeData.ROWS, actual.feature("all_missing").numMissing());
              NumericStatistics constant = actual.feature("constant").numeric();
              assertEquals(0.0, constant.stdDev());
              assertEquals(
                  List.of(HistogramBucket.of(7.5, 7.5, EdgeData.ROWS)), constant.histogram());
              NumericStatistics extremes = actual.feature("extremes").numeric();
              Expected.assertClose(1e300 * Math.sqrt(2.0 / 3), extremes.stdDev(), 1e-12, "std");
              NumericStatistics nonFinite = actual.feature("non_finite").numeric();
              assertEquals(1667, nonFinite.numNaN());
              assertEquals(-2.0, nonFinite.min());
              assertEquals(1.5, nonFinite.max());
              for (String name : List.of("unicode", "long_text", "all_missing_text")) {
                Expected.assertString(actual.feature(name), Expected.column(rows, name), 20);
              }
              StringStatistics unicode = actual.feature("unicode").string();
              assertEquals(5, unicode.distinctCount(), "the empty string is a value");
              assertEquals(7, unicode.maxLength(), "emoji 😀 is 7 code points");
              assertEquals(50_000, actual.feature("long_text").string().maxLength());
              assertSketched(actual.feature("skewed"), Expected.column(rows, "skewed"));
              assertEquals("hot", actual.feature("skewed").string().topValues().get(0).value());
              assertSketched(actual.feature("distinct"), Expected.column(rows, "distinct"));
              Expected.assertBoolean(actual.feature("flag"), Expected.column(rows, "flag"));
              FeatureStatistics bytes = actual.feature("bytes");
              assertEquals(FeatureType.OTHER, bytes.type());
              Expected.assertCounts(bytes, Expected.column(rows, "bytes"));
              assertNull(bytes.numeric());
              assertNull(bytes.string());
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  /** Past the exact limit: the sketch's counts and distinct estimate stay within their bounds. */
  private static void assertSketched(FeatureStatistics feature, List<Object> values) {
    Expected.assertCounts(feature, values);
    StringStatistics stats = feature.string();
    Map<Object, Long> counts =
        values.stream().collect(Collectors.groupingBy(v -> v, Collectors.counting()));
    assertTrue(counts.size() > Sketches.FREQUENT_ITEMS_EXACT_LIMIT, "data past the exact limit");
    assertTrue(stats.maxFrequencyError() > 0, "the sketch reports that it is approximate");
    assertTrue(
        stats.maxFrequencyError() <= 3.5 / Sketches.FREQUENT_ITEMS_MAP_SIZE * values.size(),
        "documented a-priori error bound: " + stats.maxFrequencyError());
    assertEquals(counts.size(), stats.distinctCount(), 0.026 * counts.size(), "HLL within 2.6%");
    for (ValueCount top : stats.topValues()) {
      assertEquals(
          counts.get(top.value()),
          top.count(),
          stats.maxFrequencyError(),
          "count of " + top.value() + " within the sketch's error");
    }
  }

  @Test
  @Tag("portable")
  void weightsAndSlices(TestPipeline pipeline) {
    PCollection<DatasetStatistics> stats =
        pipeline
            .apply(Create.of(WeightedData.rows()).withRowSchema(WeightedData.SCHEMA))
            .apply(Statistics.generate().withWeightColumn("w").withSlices("group", "flag"));

    PAssert.thatSingleton(stats)
        .satisfies(
            actual -> {
              assertWeightedAndSliced(actual);
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  /** Checks overall and per-slice figures, weighted ones included, against the rows. */
  static void assertWeightedAndSliced(DatasetStatistics actual) {
    List<Row> rows = WeightedData.rows();
    assertEquals("w", actual.weightColumn());
    assertSlice(actual.overall(), rows);
    List<String> keys = new ArrayList<>();
    for (SliceStatistics slice : actual.slices()) {
      keys.add(slice.column() + "=" + slice.value());
    }
    assertEquals(
        List.of("group=a", "group=b", "group=c", "group=null", "flag=false", "flag=true"), keys);
    for (SliceStatistics slice : actual.slices()) {
      List<Row> subset =
          rows.stream()
              .filter(
                  row ->
                      Objects.equals(
                          slice.value(),
                          row.getValue(slice.column()) == null
                              ? null
                              : row.getValue(slice.column()).toString()))
              .collect(Collectors.toList());
      assertSlice(slice, subset);
    }
    assertEquals(actual.slice("group", "a"), actual.slices().get(0));
  }

  private static void assertSlice(SliceStatistics slice, List<Row> rows) {
    String where = slice.column() + "=" + slice.value() + ": ";
    assertEquals(rows.size(), slice.rowCount(), where + "rows");
    double weights = rows.stream().mapToDouble(WeightedData::weight).sum();
    Expected.assertClose(weights, slice.weightedRowCount(), 1e-12, where + "weighted rows");
    for (FeatureStatistics feature : slice.features()) {
      double present =
          rows.stream()
              .filter(row -> row.getValue(feature.name()) != null)
              .mapToDouble(WeightedData::weight)
              .sum();
      Expected.assertClose(
          present, feature.weightedNumNonMissing(), 1e-12, where + feature.name() + " weighted");
    }
    Expected.assertNumeric(slice.feature("x"), Expected.column(rows, "x"));
    Expected.assertBoolean(slice.feature("flag"), Expected.column(rows, "flag"));
    Expected.assertString(slice.feature("label"), Expected.column(rows, "label"), 20);
    double weightSum = 0;
    double weightedSum = 0;
    Map<String, Double> weightedLabels = new LinkedHashMap<>();
    for (Row row : rows) {
      double weight = WeightedData.weight(row);
      if (row.getDouble("x") != null) {
        weightSum += weight;
        weightedSum += weight * row.getDouble("x");
      }
      if (weight > 0) {
        weightedLabels.merge(row.getString("label"), weight, Double::sum);
      }
    }
    NumericStatistics x = slice.feature("x").numeric();
    Expected.assertClose(weightSum, x.weightedNumFinite(), 1e-12, where + "x weights");
    Expected.assertClose(weightedSum / weightSum, x.weightedMean(), 1e-9, where + "weighted mean");
    List<ValueCount> expectedTop =
        weightedLabels.entrySet().stream()
            .sorted(
                Comparator.comparing((Map.Entry<String, Double> e) -> -e.getValue())
                    .thenComparing(Map.Entry::getKey))
            .map(e -> ValueCount.of(e.getKey(), e.getValue()))
            .collect(Collectors.toList());
    assertEquals(expectedTop, slice.feature("label").string().weightedTopValues(), where + "top");
    assertNotNull(slice.feature("label").string().weightedFrequentItemsSketch());
  }
}
