package io.tributary.transforms.validation;

import io.tributary.transforms.statistics.FeatureStatistics;
import java.util.Optional;

/**
 * Normalized absolute difference of the aligned counts ({@link AlignedCounts}): {@code max_i |x_i -
 * y_i| / sum_i (x_i + y_i)}, 0 to 1. Unlike the other distances it compares counts, not shares, so
 * it also sees a change of volume; it suits datasets expected to be about as large as each other.
 *
 * <p>No default threshold: it is reported, and checked only where the schema sets a threshold,
 * because splits of different sizes (training and serving) differ by design.
 */
public final class NormalizedAbsDifference implements FeatureDistance {

  @Override
  public Optional<Measurement> measure(FeatureStatistics baseline, FeatureStatistics current) {
    return AlignedCounts.of(baseline, current).map(NormalizedAbsDifference::measure);
  }

  private static Measurement measure(AlignedCounts counts) {
    double max = 0.0;
    double total = 0.0;
    for (int i = 0; i < counts.bins(); i++) {
      max = Math.max(max, Math.abs(counts.baseline[i] - counts.current[i]));
      total += counts.baseline[i] + counts.current[i];
    }
    return counts.measurement(max / total, Double.NaN);
  }
}
