package io.tributary.transforms.validation;

import io.tributary.transforms.statistics.FeatureStatistics;
import java.util.Optional;

/**
 * Population stability index of the binned or categorical distributions ({@link AlignedCounts}):
 * {@code PSI = sum_i (q_i - p_i) ln(q_i / p_i)}, with half a count added to every bin of both sides
 * so that a bin empty on one side gives a large but finite index.
 *
 * <p>Default threshold: {@code max(}{@value #FLOOR}{@code , chi2(B - 1) × (1/n + 1/m))}: for two
 * samples of one distribution, {@code PSI / (1/n + 1/m)} is approximately chi-square with {@code B
 * - 1} degrees of freedom (it is a symmetrised Kullback-Leibler divergence, twice the
 * log-likelihood ratio statistic); {@code chi2} is its quantile at {@code 1 - alpha}, alpha =
 * {@value CriticalValues#ALPHA}. The floor is the usual "moderate shift" rule of thumb.
 */
public final class PopulationStabilityIndex implements FeatureDistance {
  public static final double FLOOR = 0.1;

  @Override
  public Optional<Measurement> measure(FeatureStatistics baseline, FeatureStatistics current) {
    return AlignedCounts.of(baseline, current).map(PopulationStabilityIndex::measure);
  }

  private static Measurement measure(AlignedCounts counts) {
    int bins = counts.bins();
    double psi = 0.0;
    for (int i = 0; i < bins; i++) {
      double p = (counts.baseline[i] + 0.5) / (counts.baselineTotal + 0.5 * bins);
      double q = (counts.current[i] + 0.5) / (counts.currentTotal + 0.5 * bins);
      psi += (q - p) * Math.log(q / p);
    }
    double noise = CriticalValues.chiSquareBound(bins, counts.baselineTotal, counts.currentTotal, 1.0);
    return counts.measurement(psi, Math.max(FLOOR, noise));
  }
}
