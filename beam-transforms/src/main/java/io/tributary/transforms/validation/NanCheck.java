package io.tributary.transforms.validation;

import io.tributary.transforms.schema.FeatureSchema;
import io.tributary.transforms.statistics.FeatureStatistics;
import java.util.List;

/**
 * {@link AnomalyType#NAN_NOT_ALLOWED}: NaN values ({@code measured}: how many) in a numeric feature
 * whose schema does not allow them ({@code threshold} 0).
 */
final class NanCheck implements FeatureCheck {
  private static final long serialVersionUID = 1L;

  @Override
  public List<Anomaly> check(FeatureSchema expected, FeatureStatistics actual) {
    if (actual.numeric() == null || expected.nanAllowed() || actual.numeric().numNaN() == 0) {
      return List.of();
    }
    long nan = actual.numeric().numNaN();
    return List.of(
        Anomaly.builder(AnomalyType.NAN_NOT_ALLOWED, expected.name())
            .setShortDescription("NaN values")
            .setDescription(
                nan + " of the " + actual.numNonMissing() + " present values are NaN, which the schema does not allow.")
            .setRemedy("If NaN is a valid value here, set \"nanAllowed\": true on feature '" + expected.name()
                + "' in the schema; if not, fix the data (a missing value should be empty, not NaN).")
            .setMeasured(nan, 0)
            .build());
  }
}
