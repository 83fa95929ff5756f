package io.tributary.transforms.transform;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * {@code {"op":"zScore"}}: {@code (x - mean) / stdDev} with the mean and population standard
 * deviation of the observed values. A constant column (standard deviation 0) gives {@code x -
 * mean}, never a division by zero; with no observed values mean and standard deviation are 0.
 * A variance beyond the double range is stored as {@code Double.MAX_VALUE}.
 */
@JsonTypeName("zScore")
public record ZScore() implements Step {

  @Override
  public ValueKind outputKind(ValueKind input) {
    if (!input.isNumeric()) {
      throw StepChecks.needs(this, "a number", input, "z-score only numeric columns");
    }
    return ValueKind.NUMBER;
  }

  @Override
  public AnalyzerFn<?, ?, ?> analyzer(ValueKind input) {
    return MeanVarianceFn.create();
  }

  @Override
  public Constants fit(ValueKind input, Object analyzed, Constants previous) {
    MeanVarianceFn.Moments moments = (MeanVarianceFn.Moments) analyzed;
    double stdDev = Math.sqrt(moments.variance());
    // Values near the double range can overflow the variance; JSON has no Infinity, and any
    // finite value that large scales every input to about 0, as infinity would.
    return Constants.moments(moments.count(), moments.mean(), Double.isFinite(stdDev) ? stdDev : Double.MAX_VALUE);
  }

  @Override
  public Mapper bind(Constants constants) {
    double mean = constants.mean();
    double stdDev = constants.stdDev();
    if (stdDev > 0) {
      return (value, events) -> (ValueKind.asNumber(value) - mean) / stdDev;
    }
    return (value, events) -> ValueKind.asNumber(value) - mean;
  }
}
