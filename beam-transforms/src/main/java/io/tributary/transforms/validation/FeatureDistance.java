package io.tributary.transforms.validation;

import io.tributary.transforms.statistics.FeatureStatistics;
import java.util.Optional;

/**
 * A distance between two distributions of one feature, computed from statistics alone: the
 * strategy behind each {@link io.tributary.transforms.schema.ComparatorMetric}. Returns empty when
 * the metric does not apply (a categorical metric on a numeric feature, a side without values, or
 * types that cannot be compared).
 *
 * <pre>{@code
 * Optional<Measurement> ks = new KolmogorovSmirnovDistance().measure(
 *     training.feature("body_mass_g"), serving.feature("body_mass_g"));
 * }</pre>
 */
@FunctionalInterface
public interface FeatureDistance {
  Optional<Measurement> measure(FeatureStatistics baseline, FeatureStatistics current);
}
