package io.tributary.transforms.validation;

import io.tributary.transforms.statistics.FeatureStatistics;
import java.util.Optional;

/**
 * L-infinity distance of categorical (string, boolean) features: the largest difference of a
 * value's share, {@code max_i |p_i - q_i|}, 0 to 1.
 *
 * <p>Default threshold: {@code max(}{@value #FLOOR}{@code , z × 0.5 × sqrt(1/n + 1/m))}, where
 * {@code 0.5 × sqrt(1/n + 1/m)} bounds the standard deviation of a difference of two shares from
 * samples of {@code n} and {@code m} values, and {@code z} is the normal quantile at {@code 1 -
 * alpha / (2B)} over {@code B} categories (Bonferroni), alpha = {@value CriticalValues#ALPHA}.
 */
public final class LInfinityDistance implements FeatureDistance {
  public static final double FLOOR = 0.05;

  @Override
  public Optional<Measurement> measure(FeatureStatistics baseline, FeatureStatistics current) {
    if (!AlignedCounts.categorical(baseline, current)) {
      return Optional.empty();
    }
    return AlignedCounts.of(baseline, current).map(LInfinityDistance::measure);
  }

  private static Measurement measure(AlignedCounts counts) {
    double max = 0.0;
    for (int i = 0; i < counts.bins(); i++) {
      max = Math.max(max, Math.abs(counts.baselineShare(i) - counts.currentShare(i)));
    }
    double z = CriticalValues.normalQuantile(1.0 - CriticalValues.ALPHA / (2.0 * counts.bins()));
    double noise = z * 0.5 * Math.sqrt(1.0 / counts.baselineTotal + 1.0 / counts.currentTotal);
    return counts.measurement(max, Math.max(FLOOR, noise));
  }
}
