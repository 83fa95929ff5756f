package io.tributary.transforms.validation;

import io.tributary.transforms.schema.FeatureSchema;
import io.tributary.transforms.statistics.FeatureStatistics;
import java.util.List;

/**
 * {@link AnomalyType#ALL_MISSING}: no row has a value although the schema expects some ({@code
 * minFraction > 0}; {@code measured} 0 present rows, {@code threshold} 1); otherwise {@link
 * AnomalyType#LOW_PRESENCE}: the share of rows with a value ({@code measured}) is below the
 * schema's minimum fraction ({@code threshold}). A feature with {@code minFraction} 0 may be
 * missing from every row (as one inferred from a column that had no value).
 */
final class PresenceCheck implements FeatureCheck {
  private static final long serialVersionUID = 1L;

  @Override
  public List<Anomaly> check(FeatureSchema expected, FeatureStatistics actual) {
    if (actual.count() == 0 || expected.minFraction() == 0.0) {
      return List.of();
    }
    if (actual.numNonMissing() == 0) {
      return List.of(
          Anomaly.builder(AnomalyType.ALL_MISSING, expected.name())
              .setShortDescription("All values missing")
              .setDescription("None of the " + actual.count() + " rows has a value.")
              .setRemedy("If the column may be empty, set \"minFraction\": 0 on feature '" + expected.name()
                  + "' in the schema; if not, find why the values were lost.")
              .setMeasured(0, 1)
              .build());
    }
    double fraction = (double) actual.numNonMissing() / actual.count();
    if (fraction >= expected.minFraction()) {
      return List.of();
    }
    return List.of(
        Anomaly.builder(AnomalyType.LOW_PRESENCE, expected.name())
            .setShortDescription(expected.isRequired() ? "Required value missing" : "Value missing too often")
            .setDescription(
                "The value is present in " + Text.percent(fraction) + " of the rows ("
                    + actual.numMissing() + " of " + actual.count() + " missing); the schema requires at least "
                    + Text.percent(expected.minFraction()) + ".")
            .setRemedy("If values may be missing this often, set \"minFraction\": "
                + Text.number(Math.floor(fraction * 1e4) / 1e4) + " (or less) on feature '" + expected.name()
                + "' in the schema; if not, find why the values were lost.")
            .setMeasured(fraction, expected.minFraction())
            .build());
  }
}
