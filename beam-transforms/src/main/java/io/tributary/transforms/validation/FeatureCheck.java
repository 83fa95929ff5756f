package io.tributary.transforms.validation;

import io.tributary.transforms.schema.FeatureSchema;
import io.tributary.transforms.statistics.FeatureStatistics;
import java.io.Serializable;
import java.util.List;

/**
 * A check of one feature's statistics against its schema: the strategy behind each {@link
 * AnomalyType} of a single feature. {@link ExampleValidator} calls every check for every feature
 * that the data has, that the environment expects and whose type matches the schema (a mismatch is
 * reported on its own and stops the other checks of that feature), on a split with at least one row.
 *
 * <pre>{@code
 * FeatureCheck tooShort = (expected, actual) ->
 *     actual.string() != null && actual.string().avgLength() < 2
 *         ? List.of(Anomaly.builder(AnomalyType.UNEXPECTED_VALUES, expected.name())
 *             .setShortDescription("Very short strings").setDescription("...").build())
 *         : List.of();
 * ExampleValidator.validate(schema).withCheck(tooShort);
 * }</pre>
 *
 * <p>Return anomalies with their type's default severity; the validator applies overrides.
 */
@FunctionalInterface
public interface FeatureCheck extends Serializable {
  List<Anomaly> check(FeatureSchema expected, FeatureStatistics actual);
}
