package io.tributary.transforms.validation;

import io.tributary.transforms.schema.FeatureSchema;
import io.tributary.transforms.statistics.FeatureStatistics;
import io.tributary.transforms.statistics.FeatureType;
import io.tributary.transforms.statistics.RankBucket;
import io.tributary.transforms.statistics.ValueCount;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link AnomalyType#TYPE_MISMATCH}: the column's type differs from the schema's. INT data is
 * accepted where the schema says FLOAT. When the schema says INT or FLOAT and the data is STRING,
 * the most frequent values (the rank histogram) are inspected: {@code measured} is the share of
 * them that are numbers written as text, and the examples are the values that are not numbers.
 */
final class TypeCheck implements FeatureCheck {
  private static final long serialVersionUID = 1L;

  static boolean compatible(FeatureType expected, FeatureType actual) {
    return expected == actual || (expected == FeatureType.FLOAT && actual == FeatureType.INT);
  }

  @Override
  public List<Anomaly> check(FeatureSchema expected, FeatureStatistics actual) {
    if (compatible(expected.type(), actual.type())) {
      return List.of();
    }
    Anomaly.Builder anomaly =
        Anomaly.builder(AnomalyType.TYPE_MISMATCH, expected.name())
            .setShortDescription("Unexpected data type")
            .setDescription(
                "The schema says " + expected.type() + " but the data has " + actual.type() + ".")
            .setRemedy("If the new type is right, set \"type\": \"" + actual.type() + "\" on feature '" + expected.name()
                + "' in the schema (and drop settings that do not fit it); if not, fix how the data is written.");
    if (expected.type().isNumeric() && actual.string() != null) {
      numbersAsText(anomaly, expected, actual);
    }
    return List.of(anomaly.build());
  }

  private static void numbersAsText(Anomaly.Builder anomaly, FeatureSchema expected, FeatureStatistics actual) {
    double numeric = 0;
    double total = 0;
    List<ValueCount> notNumbers = new ArrayList<>();
    for (RankBucket bucket : actual.string().rankHistogram()) {
      total += bucket.sampleCount();
      if (NumberText.isNumber(bucket.label())) {
        numeric += bucket.sampleCount();
      } else {
        notNumbers.add(ValueCount.of(bucket.label(), bucket.sampleCount()));
      }
    }
    double share = total == 0 ? 0.0 : numeric / total;
    List<String> quoted = new ArrayList<>();
    notNumbers.forEach(v -> quoted.add("'" + v.value() + "' (" + Text.number(v.count()) + ")"));
    String rest =
        notNumbers.isEmpty()
            ? "All of them are numbers: the column was read as text; fix the reader or its schema."
            : "These are not numbers: " + Text.list(quoted) + ".";
    anomaly
        .setShortDescription("Numbers arrived as text")
        .setDescription(
            "The schema says " + expected.type() + " but the values arrived as STRING; "
                + Text.percent(share) + " of the most frequent values are numbers written as text. " + rest)
        .setRemedy("Fix the values that are not numbers at the source (a missing value should be empty); if the"
            + " column is text, set \"type\": \"STRING\" on feature '" + expected.name() + "' in the schema.")
        .setMeasured(share)
        .setExamples(notNumbers.subList(0, Math.min(notNumbers.size(), 10)));
  }
}
