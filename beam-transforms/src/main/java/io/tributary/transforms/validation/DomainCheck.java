package io.tributary.transforms.validation;

import io.tributary.transforms.schema.FeatureSchema;
import io.tributary.transforms.statistics.FeatureStatistics;
import io.tributary.transforms.statistics.RankBucket;
import io.tributary.transforms.statistics.ValueCount;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@link AnomalyType#UNEXPECTED_VALUES}: string values outside the schema's domain. The values and
 * their counts come from the statistics' rank histogram (the most frequent values, all of them
 * while the statistics are exact); {@code measured} is the number of rows holding them, {@code
 * threshold} 0, and the examples list them, most frequent first. A value that differs from an
 * allowed one only in case is pointed out.
 */
final class DomainCheck implements FeatureCheck {
  private static final long serialVersionUID = 1L;

  @Override
  public List<Anomaly> check(FeatureSchema expected, FeatureStatistics actual) {
    List<String> domain = expected.domain();
    if (domain == null || actual.string() == null) {
      return List.of();
    }
    Set<String> allowed = new HashSet<>(domain);
    List<ValueCount> unexpected = new ArrayList<>();
    double rows = 0;
    for (RankBucket bucket : actual.string().rankHistogram()) {
      if (!allowed.contains(bucket.label())) {
        unexpected.add(ValueCount.of(bucket.label(), bucket.sampleCount()));
        rows += bucket.sampleCount();
      }
    }
    if (unexpected.isEmpty()) {
      return List.of();
    }
    List<String> quoted = new ArrayList<>();
    unexpected.forEach(v -> quoted.add(Text.quoted(v.value(), domain) + " " + Text.number(v.count()) + "×"));
    boolean complete = actual.string().isExact() && actual.string().distinctCount() <= actual.string().rankHistogram().size();
    return List.of(
        Anomaly.builder(AnomalyType.UNEXPECTED_VALUES, expected.name())
            .setShortDescription("Unexpected string values")
            .setDescription(
                (complete ? "" : "At least ") + Text.number(rows) + " of " + actual.numNonMissing()
                    + " values are not in the domain: " + Text.list(quoted) + ".")
            .setMeasured(rows, 0)
            .setExamples(unexpected)
            .build());
  }
}
