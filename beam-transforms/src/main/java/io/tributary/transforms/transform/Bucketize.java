package io.tributary.transforms.transform;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.Arrays;
import java.util.List;

/**
 * Bucket index of a number: {@code {"op":"bucketize","boundaries":[10,20]}} with fixed boundaries,
 * or {@code {"op":"bucketize","quantiles":4}} with equal-frequency boundaries fitted on the data
 * (see {@link QuantilesFn}).
 *
 * <p>The index is the number of boundaries {@code <=} x: boundaries {@code [10, 20]} give 0 below
 * 10, 1 for {@code [10, 20)} and 2 from 20 up, so out-of-range values land in the first or last
 * bucket. With no observed values quantile boundaries are empty and every value is in bucket 0.
 */
@JsonTypeName("bucketize")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Bucketize(List<Double> boundaries, Integer quantiles) implements Step {

  /** The most quantiles (or boundaries): the sketch and the fitted boundaries stay small. */
  public static final int MAX_QUANTILES = 10_000;

  public Bucketize {
    if ((boundaries == null) == (quantiles == null)) {
      throw new IllegalArgumentException("bucketize needs either boundaries or a number of quantiles, not both");
    }
    if (quantiles != null && quantiles < 2) {
      throw new IllegalArgumentException("bucketize quantiles must be at least 2, got " + quantiles);
    }
    if (quantiles != null) {
      Bounds.atMost("bucketize quantiles", quantiles, MAX_QUANTILES,
          "each quantile is a boundary kept in the transform and a column once one-hot encoded");
    }
    if (boundaries != null) {
      Bounds.atMost("bucketize boundaries", boundaries.size(), MAX_QUANTILES, "each one is a column once one-hot encoded");
    }
    if (boundaries != null) {
      boundaries = List.copyOf(boundaries);
      if (boundaries.isEmpty()) {
        throw new IllegalArgumentException("bucketize boundaries are empty: give at least one");
      }
      for (int i = 0; i < boundaries.size(); i++) {
        StepChecks.finite(boundaries.get(i), "bucketize boundary");
        if (i > 0 && boundaries.get(i) <= boundaries.get(i - 1)) {
          throw new IllegalArgumentException(
              "bucketize boundaries must be strictly increasing, got " + boundaries);
        }
      }
    }
  }

  @Override
  public ValueKind outputKind(ValueKind input) {
    if (!input.isNumeric()) {
      throw StepChecks.needs(this, "a number", input, "use vocabulary or hash for categories");
    }
    return ValueKind.INDEX;
  }

  @Override
  public AnalyzerFn<?, ?, ?> analyzer(ValueKind input) {
    return quantiles == null ? null : QuantilesFn.boundaries(quantiles);
  }

  @Override
  public Constants fit(ValueKind input, Object analyzed, Constants previous) {
    if (quantiles == null) {
      return Constants.buckets(null, boundaries);
    }
    QuantilesFn.Quantiles fitted = (QuantilesFn.Quantiles) analyzed;
    return Constants.buckets(fitted.count(), fitted.values());
  }

  @Override
  public Mapper bind(Constants constants) {
    double[] edges = constants.boundaries().stream().mapToDouble(Double::doubleValue).toArray();
    return (value, events) -> (long) bucket(edges, ValueKind.asNumber(value));
  }

  /** The number of edges {@code <= x}. */
  private static int bucket(double[] edges, double x) {
    int i = Arrays.binarySearch(edges, x);
    // An exact hit belongs to the bucket the edge opens; a miss returns -(insertion point) - 1.
    return i >= 0 ? i + 1 : -i - 1;
  }
}
