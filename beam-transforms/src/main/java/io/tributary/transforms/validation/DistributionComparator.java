package io.tributary.transforms.validation;

import io.tributary.transforms.schema.ComparatorMetric;
import io.tributary.transforms.schema.DatasetSchema;
import io.tributary.transforms.schema.FeatureSchema;
import io.tributary.transforms.statistics.DatasetStatistics;
import io.tributary.transforms.statistics.FeatureStatistics;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Skew and drift detection: measures every {@link ComparatorMetric} that applies to each schema
 * feature present in both statistics, and turns each distance above its threshold (the schema's,
 * else the metric's default) into a {@link AnomalyType#SKEW} or {@link AnomalyType#DRIFT} anomaly.
 */
final class DistributionComparator {
  private static final Map<ComparatorMetric, FeatureDistance> DISTANCES = distances();

  private final Comparison comparison;

  DistributionComparator(Comparison comparison) {
    this.comparison = comparison;
  }

  private static Map<ComparatorMetric, FeatureDistance> distances() {
    Map<ComparatorMetric, FeatureDistance> map = new EnumMap<>(ComparatorMetric.class);
    map.put(ComparatorMetric.L_INFINITY, new LInfinityDistance());
    map.put(ComparatorMetric.JENSEN_SHANNON, new JensenShannonDistance());
    map.put(ComparatorMetric.NORMALIZED_ABS_DIFFERENCE, new NormalizedAbsDifference());
    map.put(ComparatorMetric.POPULATION_STABILITY_INDEX, new PopulationStabilityIndex());
    map.put(ComparatorMetric.KOLMOGOROV_SMIRNOV, new KolmogorovSmirnovDistance());
    return map;
  }

  /** The distances of every compared feature, in schema then metric order. */
  List<DistanceResult> compare(
      DatasetSchema schema, DatasetStatistics baseline, DatasetStatistics current, @Nullable String environment) {
    List<DistanceResult> results = new ArrayList<>();
    for (FeatureSchema feature : schema.features()) {
      Optional<FeatureStatistics> a = find(baseline, feature.name());
      Optional<FeatureStatistics> b = find(current, feature.name());
      if (!feature.isIn(environment) || a.isEmpty() || b.isEmpty()) {
        continue;
      }
      Map<ComparatorMetric, Double> thresholds =
          comparison == Comparison.SKEW ? feature.skewThresholds() : feature.driftThresholds();
      DISTANCES.forEach(
          (metric, distance) ->
              distance
                  .measure(a.get(), b.get())
                  .ifPresent(
                      m -> {
                        Double set = thresholds.get(metric);
                        results.add(
                            DistanceResult.of(
                                feature.name(), comparison, metric, m.value(),
                                set != null ? set : m.defaultThreshold(), set != null,
                                m.baselineCount(), m.currentCount(), m.bins()));
                      }));
    }
    return results;
  }

  private static Optional<FeatureStatistics> find(DatasetStatistics statistics, String name) {
    return statistics.overall().features().stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** The anomalies of the distances above their thresholds. */
  List<Anomaly> anomalies(List<DistanceResult> results) {
    List<Anomaly> anomalies = new ArrayList<>();
    String sides = comparison == Comparison.SKEW ? "training and serving data" : "the previous and this span";
    for (DistanceResult r : results) {
      if (r.exceeded()) {
        anomalies.add(
            Anomaly.builder(comparison == Comparison.SKEW ? AnomalyType.SKEW : AnomalyType.DRIFT, r.feature())
                .setShortDescription((comparison == Comparison.SKEW ? "Training/serving skew" : "Drift") + " ("
                    + r.metric().jsonName() + ")")
                .setDescription(
                    "The " + r.metric().jsonName() + " distance between " + sides + " is " + Text.number(r.value())
                        + ", above the " + (r.thresholdFromSchema() ? "schema's" : "default") + " threshold "
                        + Text.number(r.threshold()) + " (for " + r.baselineCount() + " and " + r.currentCount()
                        + " values).")
                .setRemedy(
                    "If the change is expected, set \"" + (comparison == Comparison.SKEW ? "skew" : "drift")
                        + "\": {\"" + r.metric().jsonName() + "\": " + Text.number(Math.ceil(r.value() * 1e4) / 1e4)
                        + "} (or more) on feature '" + r.feature() + "' in the schema; if not, find what changed in "
                        + (comparison == Comparison.SKEW ? "the serving data." : "this span's data."))
                .setMeasured(r.value(), r.threshold())
                .setMetric(r.metric())
                .build());
      }
    }
    return anomalies;
  }
}
