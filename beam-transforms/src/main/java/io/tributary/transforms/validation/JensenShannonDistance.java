package io.tributary.transforms.validation;

import io.tributary.transforms.statistics.FeatureStatistics;
import java.util.Optional;

/**
 * Jensen-Shannon divergence in bits (0 to 1) of the binned ({@link AlignedCounts}: numeric
 * features by the baseline's deciles) or categorical distributions: {@code JS = ½ KL(P‖M) + ½
 * KL(Q‖M)} with {@code M = (P + Q) / 2}.
 *
 * <p>Default threshold: {@code max(}{@value #FLOOR}{@code , chi2(B - 1) × (1/n + 1/m) / (8 ln 2))}.
 * For two samples of one distribution, {@code 8 ln 2 × JS / (1/n + 1/m)} is approximately
 * Pearson's two-sample chi-square statistic with {@code B - 1} degrees of freedom over {@code B}
 * bins; {@code chi2} is its quantile at {@code 1 - alpha}, alpha = {@value CriticalValues#ALPHA}.
 */
public final class JensenShannonDistance implements FeatureDistance {
  public static final double FLOOR = 0.01;

  @Override
  public Optional<Measurement> measure(FeatureStatistics baseline, FeatureStatistics current) {
    return AlignedCounts.of(baseline, current).map(JensenShannonDistance::measure);
  }

  private static Measurement measure(AlignedCounts counts) {
    double js = 0.0;
    for (int i = 0; i < counts.bins(); i++) {
      double p = counts.baselineShare(i);
      double q = counts.currentShare(i);
      double m = (p + q) / 2.0;
      js += 0.5 * term(p, m) + 0.5 * term(q, m);
    }
    double noise =
        CriticalValues.chiSquareBound(counts.bins(), counts.baselineTotal, counts.currentTotal, 1.0 / (8.0 * Math.log(2.0)));
    return counts.measurement(Math.max(0.0, js), Math.max(FLOOR, noise));
  }

  private static double term(double p, double m) {
    return p == 0.0 ? 0.0 : p * Math.log(p / m) / Math.log(2.0);
  }
}
