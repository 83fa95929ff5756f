package io.tributary.transforms.validation;

import static org.apache.datasketches.quantilescommon.QuantileSearchCriteria.INCLUSIVE;

import io.tributary.transforms.statistics.FeatureStatistics;
import io.tributary.transforms.statistics.FeatureType;
import io.tributary.transforms.statistics.NumericStatistics;
import io.tributary.transforms.statistics.RankBucket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.datasketches.kll.KllDoublesSketch;

/**
 * The counts of two distributions of a feature in the same bins, the common ground of the
 * count-based distances.
 *
 * <ul>
 *   <li>Numeric features: {@value #NUMERIC_BINS} bins cut at the baseline's deciles (equal deciles
 *       merged, so integers with few values get fewer bins), both sides' counts read from their KLL
 *       sketches (the finite values; exact while a sketch holds every value).
 *   <li>String features: one bin per value in either side's rank histogram (the most frequent
 *       values), plus one bin for the values not listed there.
 *   <li>Boolean features: a true and a false bin.
 * </ul>
 *
 * Bins empty on both sides are left out.
 */
final class AlignedCounts {
  static final int NUMERIC_BINS = 10;

  final double[] baseline;
  final double[] current;
  final long baselineTotal;
  final long currentTotal;

  private AlignedCounts(double[] baseline, double[] current, long baselineTotal, long currentTotal) {
    this.baseline = baseline;
    this.current = current;
    this.baselineTotal = baselineTotal;
    this.currentTotal = currentTotal;
  }

  int bins() {
    return baseline.length;
  }

  /** Whether the feature is categorical (string or boolean) on both sides. */
  static boolean categorical(FeatureStatistics a, FeatureStatistics b) {
    return a.type() == b.type() && (a.type() == FeatureType.STRING || a.type() == FeatureType.BOOLEAN);
  }

  /** The aligned counts; empty when the types differ or a side has no value. */
  static Optional<AlignedCounts> of(FeatureStatistics baseline, FeatureStatistics current) {
    AlignedCounts counts;
    if (baseline.numeric() != null && current.numeric() != null) {
      counts = numeric(baseline, current);
    } else if (categorical(baseline, current)) {
      counts = categorical(values(baseline), baseline.numNonMissing(), values(current), current.numNonMissing());
    } else {
      return Optional.empty();
    }
    return counts.baselineTotal > 0 && counts.currentTotal > 0 ? Optional.of(counts.withoutEmptyBins()) : Optional.empty();
  }

  private static AlignedCounts numeric(FeatureStatistics baseline, FeatureStatistics current) {
    NumericStatistics a = baseline.numeric();
    NumericStatistics b = current.numeric();
    long n = QuantileSketch.finiteCount(baseline.numNonMissing(), a);
    long m = QuantileSketch.finiteCount(current.numNonMissing(), b);
    if (n == 0 || m == 0) {
      return new AlignedCounts(new double[0], new double[0], n, m);
    }
    KllDoublesSketch sa = QuantileSketch.of(a);
    KllDoublesSketch sb = QuantileSketch.of(b);
    double[] ranks = new double[NUMERIC_BINS - 1];
    for (int i = 0; i < ranks.length; i++) {
      ranks[i] = (i + 1.0) / NUMERIC_BINS;
    }
    double[] edges = Arrays.stream(sa.getQuantiles(ranks, INCLUSIVE)).distinct().sorted().toArray();
    return new AlignedCounts(scale(sa.getPMF(edges, INCLUSIVE), n), scale(sb.getPMF(edges, INCLUSIVE), m), n, m);
  }

  private static double[] scale(double[] shares, long total) {
    return Arrays.stream(shares).map(share -> share * total).toArray();
  }

  private static Map<String, Double> values(FeatureStatistics feature) {
    Map<String, Double> values = new LinkedHashMap<>();
    if (feature.bool() != null) {
      values.put("true", (double) feature.bool().numTrue());
      values.put("false", (double) feature.bool().numFalse());
    } else {
      for (RankBucket bucket : feature.string().rankHistogram()) {
        values.put(bucket.label(), bucket.sampleCount());
      }
    }
    return values;
  }

  private static AlignedCounts categorical(Map<String, Double> a, long n, Map<String, Double> b, long m) {
    List<String> keys = new ArrayList<>(a.keySet());
    b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(keys::add);
    double[] x = new double[keys.size() + 1];
    double[] y = new double[keys.size() + 1];
    for (int i = 0; i < keys.size(); i++) {
      x[i] = a.getOrDefault(keys.get(i), 0.0);
      y[i] = b.getOrDefault(keys.get(i), 0.0);
    }
    // The last bin holds the values beyond the rank histograms (sketch estimates may overshoot).
    x[keys.size()] = Math.max(0.0, n - Arrays.stream(x).sum());
    y[keys.size()] = Math.max(0.0, m - Arrays.stream(y).sum());
    return new AlignedCounts(x, y, n, m);
  }

  private AlignedCounts withoutEmptyBins() {
    int kept = 0;
    double[] x = new double[baseline.length];
    double[] y = new double[current.length];
    for (int i = 0; i < baseline.length; i++) {
      if (baseline[i] > 0 || current[i] > 0) {
        x[kept] = baseline[i];
        y[kept++] = current[i];
      }
    }
    return new AlignedCounts(Arrays.copyOf(x, kept), Arrays.copyOf(y, kept), baselineTotal, currentTotal);
  }

  double baselineShare(int bin) {
    return baseline[bin] / baselineTotal;
  }

  double currentShare(int bin) {
    return current[bin] / currentTotal;
  }

  /** The measurement of {@code value} with a default threshold for these counts. */
  Measurement measurement(double value, double defaultThreshold) {
    return Measurement.of(value, defaultThreshold, baselineTotal, currentTotal, bins());
  }
}
