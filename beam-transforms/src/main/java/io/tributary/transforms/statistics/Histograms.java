package io.tributary.transforms.statistics;

import java.util.ArrayList;
import java.util.List;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;

/**
 * Histograms derived at extraction time from a KLL sketch and the exact min and max, so that one
 * pass over the data suffices for both kinds.
 */
final class Histograms {
  private Histograms() {}

  /**
   * {@code buckets} buckets of equal width from {@code min} to {@code max}, counts from the
   * sketch's CDF. A range too narrow to split (one distinct value, or adjacent doubles) gives one
   * bucket. Counts are whole numbers while the sketch still holds every value.
   */
  static List<HistogramBucket> equalWidth(
      KllDoublesSketch sketch, double min, double max, int buckets) {
    if (sketch.isEmpty()) {
      return List.of();
    }
    long n = sketch.getN();
    double[] edges = new double[buckets + 1];
    // max/b - min/b rather than (max - min)/b: the difference of ±1e308 would overflow.
    double width = max / buckets - min / buckets;
    for (int i = 0; i < buckets; i++) {
      edges[i] = min + width * i;
    }
    edges[buckets] = max;
    if (buckets == 1 || !strictlyIncreasing(edges)) {
      return List.of(HistogramBucket.of(min, max, n));
    }
    double[] splitPoints = new double[buckets - 1];
    System.arraycopy(edges, 1, splitPoints, 0, buckets - 1);
    // EXCLUSIVE: the fraction of values strictly below each edge, so buckets are [low, high).
    double[] cdf = sketch.getCDF(splitPoints, QuantileSearchCriteria.EXCLUSIVE);
    boolean exact = !sketch.isEstimationMode();
    List<HistogramBucket> result = new ArrayList<>(buckets);
    double below = 0;
    for (int i = 0; i < buckets; i++) {
      double count = (cdf[i] - below) * n;
      result.add(HistogramBucket.of(edges[i], edges[i + 1], exact ? Math.rint(count) : count));
      below = cdf[i];
    }
    return result;
  }

  /** The buckets between consecutive quantiles, each holding an equal share of {@code n}. */
  static List<HistogramBucket> betweenQuantiles(List<Double> quantiles, long n) {
    List<HistogramBucket> result = new ArrayList<>();
    int buckets = quantiles.size() - 1;
    for (int i = 0; i < buckets; i++) {
      result.add(HistogramBucket.of(quantiles.get(i), quantiles.get(i + 1), (double) n / buckets));
    }
    return result;
  }

  private static boolean strictlyIncreasing(double[] values) {
    for (int i = 1; i < values.length; i++) {
      if (!(values[i] > values[i - 1])) {
        return false;
      }
    }
    return true;
  }
}
