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
 * while the statistics are exact); {@code measured} is the number of values outside the domain,
 * {@code threshold} the most that {@code minDomainMass} allows ({@code floor((1 - minDomainMass) ×
 * present values)}), and the examples list them, most frequent first. Up to the threshold they are
 * a WARNING (rare new categories are expected in another sample), above it an ERROR. A value that
 * differs from an allowed one only in case or surrounding spaces is pointed out and is an ERROR
 * whatever its share: it is a misspelling that a model would take for a new category.
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
    boolean misspelt = false;
    for (RankBucket bucket : actual.string().rankHistogram()) {
      if (!allowed.contains(bucket.label())) {
        unexpected.add(ValueCount.of(bucket.label(), bucket.sampleCount()));
        rows += bucket.sampleCount();
        misspelt |= Text.variantOf(bucket.label(), domain) != null;
      }
    }
    if (unexpected.isEmpty()) {
      return List.of();
    }
    List<String> quoted = new ArrayList<>();
    unexpected.forEach(v -> quoted.add(Text.quoted(v.value(), domain) + " " + Text.number(v.count()) + "×"));
    boolean complete = actual.string().isExact() && actual.string().distinctCount() <= actual.string().rankHistogram().size();
    long present = actual.numNonMissing();
    long tolerated = Masses.tolerated(expected.minDomainMass(), present);
    boolean error = misspelt || rows > tolerated;
    return List.of(
        Anomaly.builder(AnomalyType.UNEXPECTED_VALUES, expected.name())
            .setSeverity(error ? Severity.ERROR : Severity.WARNING)
            .setShortDescription(error ? "Unexpected string values" : "A few new string values")
            .setDescription(
                (complete ? "" : "At least ") + Text.number(rows) + " of " + present
                    + " values (" + Text.percent(rows / present) + ") are not in the domain: " + Text.list(quoted)
                    + ". " + Masses.verdict(rows, tolerated, "minDomainMass", expected.minDomainMass(), misspelt))
            .setRemedy(
                (misspelt ? "Fix the spelling in the data, or, if " : "If ")
                    + "they are valid values, add them to the \"domain\" of feature '" + expected.name()
                    + "' in the schema (or set it to null: any value)"
                    + (error && !misspelt && Masses.worthLowering(rows, present) ? ", or lower its \"minDomainMass\" to "
                        + Text.number(Masses.massAllowing(rows, present)) + " to make so few a warning" : "")
                    + "; if not, fix the data at its source.")
            .setMeasured(rows, tolerated)
            .setExamples(unexpected)
            .build());
  }
}
