package io.tributary.transforms.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.values.Row;

/**
 * Straightforward exact computations of the figures from the rows, and assertions that the
 * transform's figures match them: exactly, within float rounding, or within a sketch's documented
 * error bound.
 */
final class Expected {
  /** KLL k=200: rank error of a single quantile (99% confidence). */
  static final double RANK_ERROR = 0.0133;
  /** KLL k=200: error of a histogram bucket's share (99% confidence). */
  static final double PMF_ERROR = 0.0166;

  private Expected() {}

  static List<Object> column(List<Row> rows, String name) {
    List<Object> values = new ArrayList<>();
    for (Row row : rows) {
      values.add(row.getValue(name));
    }
    return values;
  }

  static void assertClose(double expected, double actual, double relative, String what) {
    if (Double.isNaN(expected) || Double.isInfinite(expected)) {
      assertEquals(expected, actual, what);
      return;
    }
    double tolerance = relative * Math.max(Math.abs(expected), Double.MIN_NORMAL);
    assertEquals(expected, actual, tolerance, what);
  }

  /** Presence counts of any feature. */
  static void assertCounts(FeatureStatistics feature, List<Object> values) {
    long missing = values.stream().filter(v -> v == null).count();
    assertEquals(values.size(), feature.count(), feature.name() + " count");
    assertEquals(missing, feature.numMissing(), feature.name() + " numMissing");
    assertEquals(values.size() - missing, feature.numNonMissing(), feature.name() + " present");
  }

  /** Every numeric figure, exact ones exactly or within rounding, sketch ones within bounds. */
  static void assertNumeric(FeatureStatistics feature, List<Object> values) {
    assertCounts(feature, values);
    NumericStatistics stats = feature.numeric();
    String name = feature.name();
    List<Double> finite = new ArrayList<>();
    long nan = 0;
    long positiveInfinity = 0;
    long negativeInfinity = 0;
    long zeros = 0;
    for (Object value : values) {
      if (value == null) {
        continue;
      }
      double x = ((Number) value).doubleValue();
      if (Double.isNaN(x)) {
        nan++;
      } else if (x == Double.POSITIVE_INFINITY) {
        positiveInfinity++;
      } else if (x == Double.NEGATIVE_INFINITY) {
        negativeInfinity++;
      } else {
        finite.add(x);
        zeros += x == 0 ? 1 : 0;
      }
    }
    assertEquals(nan, stats.numNaN(), name + " numNaN");
    assertEquals(positiveInfinity, stats.numPositiveInfinity(), name + " +inf");
    assertEquals(negativeInfinity, stats.numNegativeInfinity(), name + " -inf");
    assertEquals(zeros, stats.numZeros(), name + " numZeros");
    if (finite.isEmpty()) {
      assertTrue(Double.isNaN(stats.min()) && Double.isNaN(stats.max()), name + " min/max NaN");
      assertTrue(Double.isNaN(stats.mean()) && Double.isNaN(stats.stdDev()), name + " mean NaN");
      assertTrue(Double.isNaN(stats.median()), name + " median NaN");
      assertEquals(List.of(), stats.quantiles(), name + " quantiles");
      assertEquals(List.of(), stats.histogram(), name + " histogram");
      return;
    }
    double min = finite.stream().mapToDouble(d -> d).min().getAsDouble();
    double max = finite.stream().mapToDouble(d -> d).max().getAsDouble();
    assertEquals(min, stats.min(), name + " min");
    assertEquals(max, stats.max(), name + " max");
    // Scaled by the largest magnitude so that the reference neither overflows nor underflows.
    double scale = Math.max(Math.abs(min), Math.abs(max));
    scale = scale == 0 ? 1 : scale;
    double sum = 0;
    for (double x : finite) {
      sum += x / scale;
    }
    double mean = sum / finite.size();
    double squares = 0;
    for (double x : finite) {
      squares += (x / scale - mean) * (x / scale - mean);
    }
    // Rounding errors of a mean and a deviation are relative to the largest magnitude, not to
    // themselves: the mean of {1e300, -1e300, 1e-300} is lost in the rounding of 1e300.
    assertEquals(mean * scale, stats.mean(), 1e-12 * scale, name + " mean");
    assertEquals(
        Math.sqrt(squares / finite.size()) * scale, stats.stdDev(), 1e-12 * scale, name + " std");
    assertRank(finite, 0.5, stats.median(), name + " median");
    int buckets = stats.quantiles().size() - 1;
    for (int i = 0; i <= buckets; i++) {
      assertRank(finite, (double) i / buckets, stats.quantiles().get(i), name + " quantile " + i);
    }
    assertEquals(min, stats.quantiles().get(0), name + " quantile 0 is min");
    assertEquals(max, stats.quantiles().get(buckets), name + " last quantile is max");
    assertHistogram(finite, stats.histogram(), min, max, name);
    assertEquals(buckets, stats.quantileHistogram().size(), name + " quantile buckets");
    for (int i = 0; i < buckets; i++) {
      HistogramBucket bucket = stats.quantileHistogram().get(i);
      assertEquals(stats.quantiles().get(i), bucket.low(), name + " quantile bucket low");
      assertEquals(stats.quantiles().get(i + 1), bucket.high(), name + " quantile bucket high");
      assertClose((double) finite.size() / buckets, bucket.sampleCount(), 1e-12, name + " q count");
    }
  }

  /** The value reported for {@code rank} has a true rank within the KLL bound of it. */
  static void assertRank(List<Double> values, double rank, double reported, String what) {
    long below = values.stream().filter(v -> v < reported).count();
    long atOrBelow = values.stream().filter(v -> v <= reported).count();
    double n = values.size();
    assertTrue(
        below / n <= rank + RANK_ERROR && atOrBelow / n >= rank - RANK_ERROR,
        what + ": " + reported + " has ranks " + below / n + ".." + atOrBelow / n + ", not " + rank);
  }

  private static void assertHistogram(
      List<Double> finite, List<HistogramBucket> histogram, double min, double max, String name) {
    assertEquals(min, histogram.get(0).low(), name + " histogram starts at min");
    assertEquals(max, histogram.get(histogram.size() - 1).high(), name + " histogram ends at max");
    double total = 0;
    for (int i = 0; i < histogram.size(); i++) {
      HistogramBucket bucket = histogram.get(i);
      boolean last = i == histogram.size() - 1;
      long exact =
          finite.stream()
              .filter(v -> v >= bucket.low() && (v < bucket.high() || (last && v <= bucket.high())))
              .count();
      assertEquals(
          exact, bucket.sampleCount(), PMF_ERROR * finite.size() + 1e-9, name + " bucket " + i);
      total += bucket.sampleCount();
    }
    assertEquals(finite.size(), total, 1e-6 * finite.size(), name + " histogram total");
  }

  /** Every string figure; top values and distinct count exactly (few distinct values). */
  static void assertString(FeatureStatistics feature, List<Object> values, int topK) {
    assertCounts(feature, values);
    StringStatistics stats = feature.string();
    String name = feature.name();
    Map<String, Long> counts = new HashMap<>();
    long totalLength = 0;
    long minLength = Long.MAX_VALUE;
    long maxLength = 0;
    for (Object value : values) {
      if (value != null) {
        String text = (String) value;
        counts.merge(text, 1L, Long::sum);
        long length = text.codePoints().count();
        totalLength += length;
        minLength = Math.min(minLength, length);
        maxLength = Math.max(maxLength, length);
      }
    }
    long present = counts.values().stream().mapToLong(c -> c).sum();
    assertEquals(0, stats.maxFrequencyError(), name + " exact counts");
    assertEquals(counts.size(), stats.distinctCount(), name + " distinct");
    List<Map.Entry<String, Long>> ranked = new ArrayList<>(counts.entrySet());
    ranked.sort(
        Comparator.comparing((Map.Entry<String, Long> e) -> -e.getValue())
            .thenComparing(Map.Entry::getKey));
    List<ValueCount> top = new ArrayList<>();
    for (Map.Entry<String, Long> entry : ranked.subList(0, Math.min(topK, ranked.size()))) {
      top.add(ValueCount.of(entry.getKey(), entry.getValue()));
    }
    assertEquals(top, stats.topValues(), name + " top values");
    assertEquals(
        Math.min(ranked.size(), StatisticsOptions.DEFAULT_RANK_HISTOGRAM_BUCKETS),
        stats.rankHistogram().size(),
        name + " rank histogram size");
    for (RankBucket bucket : stats.rankHistogram()) {
      Map.Entry<String, Long> entry = ranked.get((int) bucket.lowRank());
      assertEquals(entry.getKey(), bucket.label(), name + " rank label");
      assertEquals((double) entry.getValue(), bucket.sampleCount(), name + " rank count");
    }
    assertEquals(totalLength, stats.totalLength(), name + " total length");
    if (present == 0) {
      assertTrue(Double.isNaN(stats.avgLength()), name + " avg length NaN");
      assertEquals(0, stats.minLength(), name + " min length");
    } else {
      assertClose((double) totalLength / present, stats.avgLength(), 1e-12, name + " avg length");
      assertEquals(minLength, stats.minLength(), name + " min length");
    }
    assertEquals(maxLength, stats.maxLength(), name + " max length");
  }

  static void assertBoolean(FeatureStatistics feature, List<Object> values) {
    assertCounts(feature, values);
    long trues = values.stream().filter(Boolean.TRUE::equals).count();
    long falses = values.stream().filter(Boolean.FALSE::equals).count();
    assertEquals(trues, feature.bool().numTrue(), feature.name() + " numTrue");
    assertEquals(falses, feature.bool().numFalse(), feature.name() + " numFalse");
  }
}
