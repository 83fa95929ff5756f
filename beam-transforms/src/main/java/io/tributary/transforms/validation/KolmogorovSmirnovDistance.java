package io.tributary.transforms.validation;

import static org.apache.datasketches.quantilescommon.QuantileSearchCriteria.INCLUSIVE;

import io.tributary.transforms.statistics.FeatureStatistics;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.DoubleStream;
import org.apache.datasketches.kll.KllDoublesSketch;

/**
 * Two-sample Kolmogorov-Smirnov statistic of numeric features, {@code D = sup_x |F(x) - G(x)|},
 * computed from the two KLL sketches: both cumulative distributions are evaluated at every value
 * either sketch retains, so D is exact while both sketches hold every value, and otherwise within
 * the sum of their rank errors (±1.33% each at k = 200, 99% confidence).
 *
 * <p>Default threshold: {@code max(}{@value #FLOOR}{@code , c(alpha) × sqrt((n + m) / (n × m)) +
 * e_a + e_b)} with {@code c(alpha) = sqrt(-ln(alpha / 2) / 2)} (1.949 at alpha = {@value
 * CriticalValues#ALPHA}), the asymptotic critical value of the two-sample test for {@code n} and
 * {@code m} finite values, and {@code e_a}, {@code e_b} the sketches' normalized rank errors (0 for
 * a sketch that holds every value).
 */
public final class KolmogorovSmirnovDistance implements FeatureDistance {
  public static final double FLOOR = 0.05;

  @Override
  public Optional<Measurement> measure(FeatureStatistics baseline, FeatureStatistics current) {
    if (baseline.numeric() == null || current.numeric() == null) {
      return Optional.empty();
    }
    long n = QuantileSketch.finiteCount(baseline.numNonMissing(), baseline.numeric());
    long m = QuantileSketch.finiteCount(current.numNonMissing(), current.numeric());
    if (n == 0 || m == 0) {
      return Optional.empty();
    }
    KllDoublesSketch a = QuantileSketch.of(baseline.numeric());
    KllDoublesSketch b = QuantileSketch.of(current.numeric());
    double[] points =
        DoubleStream.concat(
                Arrays.stream(a.getSortedView().getQuantiles()), Arrays.stream(b.getSortedView().getQuantiles()))
            .distinct()
            .sorted()
            .toArray();
    double[] cdfA = a.getCDF(points, INCLUSIVE);
    double[] cdfB = b.getCDF(points, INCLUSIVE);
    double d = 0.0;
    for (int i = 0; i < points.length; i++) {
      d = Math.max(d, Math.abs(cdfA[i] - cdfB[i]));
    }
    double critical =
        CriticalValues.ksCoefficient() * Math.sqrt((double) (n + m) / ((double) n * m))
            + rankError(a) + rankError(b);
    return Optional.of(Measurement.of(d, Math.max(FLOOR, critical), n, m, points.length));
  }

  private static double rankError(KllDoublesSketch sketch) {
    return sketch.isEstimationMode() ? sketch.getNormalizedRankError(false) : 0.0;
  }
}
