package io.tributary.transforms.statistics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

/** The accumulator and its coder, without a pipeline. */
class StatisticsAccumulatorTest {
  private static final List<String> NAMES = EdgeData.SCHEMA.getFieldNames();

  private static StatisticsAccumulator accumulate(List<Row> rows) {
    SliceCombineFn combine = combineFn();
    StatisticsAccumulator accumulator = combine.createAccumulator();
    rows.forEach(row -> combine.addInput(accumulator, row));
    return accumulator;
  }

  private static SliceCombineFn combineFn() {
    return new SliceCombineFn(
        EdgeData.SCHEMA.getFields().stream().map(f -> FeatureType.of(f.getType())).toList(), -1);
  }

  private static SliceStatistics statistics(StatisticsAccumulator accumulator) {
    return accumulator.toStatistics(null, null, NAMES, StatisticsOptions.defaults(), false);
  }

  @Test
  void coderRoundTripsAndIsDeterministic() throws Exception {
    // 150 rows: below KLL's k, so the sketch holds every value and nothing is random.
    StatisticsAccumulator accumulator = accumulate(EdgeData.rows().subList(0, 150));
    StatisticsAccumulatorCoder coder = StatisticsAccumulatorCoder.of();
    byte[] bytes = CoderUtils.encodeToByteArray(coder, accumulator);
    StatisticsAccumulator decoded = CoderUtils.decodeFromByteArray(coder, bytes);
    assertEquals(figures(statistics(accumulator)), figures(statistics(decoded)));
    assertArrayEquals(
        bytes, CoderUtils.encodeToByteArray(coder, accumulate(EdgeData.rows().subList(0, 150))));
  }

  /**
   * The statistics as JSON without the string sketches' bytes: a heapified HLL sketch in its
   * sparse mode, or frequent-items sketches merged in another order, may lay out the same content
   * in another order, so equal states can have unequal bytes.
   */
  private static String figures(SliceStatistics slice) {
    DatasetStatistics dataset =
        DatasetStatistics.of("", "", null, StatisticsOptions.defaults(), slice, List.of());
    return StatisticsJson.toJson(dataset)
        .replaceAll("\"(distinct|frequentItems)Sketch\" : \"[^\"]*\"", "");
  }

  private static String figures(FeatureStatistics feature) {
    return figures(SliceStatistics.of(null, null, 0, Double.NaN, List.of(feature)));
  }

  @Test
  void statisticsRestoreTheState() {
    StatisticsAccumulator accumulator = accumulate(EdgeData.rows().subList(0, 150));
    SliceStatistics once = statistics(accumulator);
    assertEquals(figures(once), figures(statistics(StatisticsAccumulator.fromStatistics(once))));
  }

  @Test
  void mergeInAnyGroupingGivesTheSameFigures() {
    List<Row> rows = EdgeData.rows().subList(0, 180);
    SliceStatistics onePass = statistics(accumulate(rows));
    StatisticsAccumulator merged =
        combineFn()
            .mergeAccumulators(
                List.of(
                    accumulate(rows.subList(0, 7)),
                    accumulate(List.of()),
                    accumulate(rows.subList(7, 100)),
                    accumulate(rows.subList(100, 180))));
    SliceStatistics pieces = statistics(merged);
    assertEquals(onePass.rowCount(), pieces.rowCount());
    for (FeatureStatistics feature : pieces.features()) {
      FeatureStatistics expected = onePass.feature(feature.name());
      if (feature.numeric() == null) {
        assertEquals(figures(expected), figures(feature), feature.name());
        continue;
      }
      NumericStatistics e = expected.numeric();
      NumericStatistics a = feature.numeric();
      if (Double.isNaN(e.mean())) {
        assertEquals(e, a, feature.name() + " without finite values");
        continue;
      }
      double scale = Math.max(Math.abs(e.min()), Math.abs(e.max()));
      assertEquals(e.mean(), a.mean(), 1e-12 * scale, feature.name() + " mean");
      assertEquals(e.stdDev(), a.stdDev(), 1e-12 * scale, feature.name() + " std");
      assertEquals(e.quantiles(), a.quantiles(), feature.name() + " exact sketch below k");
      assertEquals(e.histogram(), a.histogram(), feature.name() + " histogram");
    }
  }

  @Test
  void tinyAndHugeScalesMergeWithoutOverflow() {
    NumericAccumulator tiny = new NumericAccumulator(FeatureType.FLOAT);
    NumericAccumulator huge = new NumericAccumulator(FeatureType.FLOAT);
    for (double x : new double[] {1e-300, 3e-300}) {
      tiny.add(x, 1);
    }
    for (double x : new double[] {1e300, -1e300, Double.MAX_VALUE, -Double.MAX_VALUE}) {
      huge.add(x, 1);
    }
    tiny.merge(huge);
    NumericStatistics stats =
        tiny.toStatistics("x", StatisticsOptions.defaults(), false).numeric();
    // Mean ~0; deviations: two of MAX_VALUE, two of 1e300, two of ~0, over six values.
    double expected = Math.sqrt((2.0 + 2 * Math.pow(1e300 / Double.MAX_VALUE, 2)) / 6) * Double.MAX_VALUE;
    assertEquals(expected, stats.stdDev(), 1e-12 * expected);
    assertEquals(0, stats.mean(), 1e-12 * Double.MAX_VALUE);
    assertEquals(Double.MAX_VALUE, stats.max());
  }

  @Test
  void mergingDifferentTypesFails() {
    NumericAccumulator numbers = new NumericAccumulator(FeatureType.INT);
    assertThrows(IllegalArgumentException.class, () -> numbers.merge(new BooleanAccumulator()));
  }
}
