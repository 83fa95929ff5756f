package io.tributary.transforms.schema;

/**
 * The distances between two distributions of a feature that skew and drift detection compute
 * (implemented in {@code io.tributary.transforms.validation}); a {@link FeatureSchema} may set a
 * threshold per metric. {@link #jsonName()} is the stable name used in {@code schema.json} and
 * {@code anomalies.json}.
 */
public enum ComparatorMetric {
  /** Largest difference of a category's share, {@code max_i |p_i - q_i|}: categorical features. */
  L_INFINITY("lInfinity"),
  /** Jensen-Shannon divergence in bits (0 to 1) of binned or categorical distributions. */
  JENSEN_SHANNON("jensenShannon"),
  /** {@code max_i |x_i - y_i| / sum_i (x_i + y_i)} of aligned counts: also sees volume changes. */
  NORMALIZED_ABS_DIFFERENCE("normalizedAbsDifference"),
  /** Population stability index {@code sum_i (q_i - p_i) ln(q_i / p_i)}. */
  POPULATION_STABILITY_INDEX("populationStabilityIndex"),
  /** Two-sample Kolmogorov-Smirnov statistic of numeric features, from the KLL sketches. */
  KOLMOGOROV_SMIRNOV("kolmogorovSmirnov");

  private final String jsonName;

  ComparatorMetric(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name in JSON files. */
  public String jsonName() {
    return jsonName;
  }

  /**
   * The metric with this JSON name.
   *
   * @throws IllegalArgumentException naming the known metrics if there is none
   */
  public static ComparatorMetric fromJsonName(String name) {
    for (ComparatorMetric metric : values()) {
      if (metric.jsonName.equals(name)) {
        return metric;
      }
    }
    StringBuilder known = new StringBuilder();
    for (ComparatorMetric metric : values()) {
      known.append(known.length() == 0 ? "" : ", ").append(metric.jsonName);
    }
    throw new IllegalArgumentException("unknown metric '" + name + "': use one of " + known);
  }
}
