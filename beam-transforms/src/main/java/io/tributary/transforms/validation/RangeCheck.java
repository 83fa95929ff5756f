package io.tributary.transforms.validation;

import static org.apache.datasketches.quantilescommon.QuantileSearchCriteria.EXCLUSIVE;
import static org.apache.datasketches.quantilescommon.QuantileSearchCriteria.INCLUSIVE;

import io.tributary.transforms.schema.FeatureSchema;
import io.tributary.transforms.statistics.FeatureStatistics;
import io.tributary.transforms.statistics.NumericStatistics;
import io.tributary.transforms.statistics.ValueCount;
import java.util.ArrayList;
import java.util.List;
import org.apache.datasketches.kll.KllDoublesSketch;

/**
 * {@link AnomalyType#OUT_OF_RANGE}: numeric values below the schema's {@code min} or above its
 * {@code max}. Whether any value is outside is exact (the statistics' min and max, and the
 * infinity counts); how many is estimated from the KLL sketch as the rank of the bound times the
 * number of finite values (exact while the sketch holds every value, else within ±1.33% of the
 * finite count), and is at least 1 on a side whose extreme is outside. {@code measured} is the
 * number of values outside, {@code threshold} the most that {@code minRangeMass} tolerates ({@code
 * floor((1 - minRangeMass) × present values)}): up to it a WARNING (a heavy tail or another sample
 * reaches past the range seen in training), above it an ERROR (a shifted distribution, a unit
 * change, corrupt values). The examples are the extreme value beyond each violated side with the
 * number of values on that side.
 */
final class RangeCheck implements FeatureCheck {
  private static final long serialVersionUID = 1L;

  @Override
  public List<Anomaly> check(FeatureSchema expected, FeatureStatistics actual) {
    NumericStatistics numeric = actual.numeric();
    if (!expected.hasRange() || numeric == null) {
      return List.of();
    }
    long finite = QuantileSketch.finiteCount(actual.numNonMissing(), numeric);
    KllDoublesSketch sketch = finite > 0 ? QuantileSketch.of(numeric) : null;
    long below = 0;
    long above = 0;
    if (finite > 0 && numeric.min() < expected.min()) {
      below = Math.max(1, Math.round(sketch.getRank(expected.min(), EXCLUSIVE) * finite));
    }
    if (finite > 0 && numeric.max() > expected.max()) {
      above = Math.max(1, Math.round((1.0 - sketch.getRank(expected.max(), INCLUSIVE)) * finite));
    }
    boolean lowBounded = expected.min() != Double.NEGATIVE_INFINITY;
    boolean highBounded = expected.max() != Double.POSITIVE_INFINITY;
    below += lowBounded ? numeric.numNegativeInfinity() : 0;
    above += highBounded ? numeric.numPositiveInfinity() : 0;
    if (below + above == 0) {
      return List.of();
    }
    List<ValueCount> examples = new ArrayList<>();
    List<String> sides = new ArrayList<>();
    if (below > 0) {
      double lowest = lowBounded && numeric.numNegativeInfinity() > 0 ? Double.NEGATIVE_INFINITY : numeric.min();
      examples.add(ValueCount.of(Text.number(lowest), below));
      sides.add(below + " below " + Text.number(expected.min()) + " (the smallest is " + Text.number(lowest) + ")");
    }
    if (above > 0) {
      double highest = highBounded && numeric.numPositiveInfinity() > 0 ? Double.POSITIVE_INFINITY : numeric.max();
      examples.add(ValueCount.of(Text.number(highest), above));
      sides.add(above + " above " + Text.number(expected.max()) + " (the largest is " + Text.number(highest) + ")");
    }
    boolean estimated = sketch != null && sketch.isEstimationMode();
    long outside = below + above;
    long present = actual.numNonMissing();
    long tolerated = Masses.tolerated(expected.minRangeMass(), present);
    boolean error = outside > tolerated;
    return List.of(
        Anomaly.builder(AnomalyType.OUT_OF_RANGE, expected.name())
            .setSeverity(error ? Severity.ERROR : Severity.WARNING)
            .setShortDescription(error ? "Values out of range" : "A few values past the range")
            .setDescription(
                (estimated ? "About " : "") + outside + " of " + present + " values ("
                    + Text.percent((double) outside / present) + ") lie outside ["
                    + Text.number(expected.min()) + ", " + Text.number(expected.max()) + "]: "
                    + String.join(", ", sides) + ". "
                    + Masses.verdict(outside, tolerated, "minRangeMass", expected.minRangeMass(), false))
            .setRemedy(
                "If these values are valid, widen the \"range\" of feature '" + expected.name() + "' in the schema ("
                    + widening(numeric, below > 0, above > 0) + ")"
                    + (error && Masses.worthLowering(outside, present) ? " or lower its \"minRangeMass\" to " + Text.number(Masses.massAllowing(outside, present))
                        + " to make so few a warning" : "")
                    + "; if not, fix the data at its source.")
            .setMeasured(outside, tolerated)
            .setExamples(examples)
            .build());
  }

  private static String widening(NumericStatistics numeric, boolean low, boolean high) {
    List<String> ends = new ArrayList<>();
    if (low) {
      ends.add("\"min\": " + (numeric.numNegativeInfinity() > 0 ? "null" : Text.number(numeric.min())) + " or less");
    }
    if (high) {
      ends.add("\"max\": " + (numeric.numPositiveInfinity() > 0 ? "null" : Text.number(numeric.max())) + " or more");
    }
    return String.join(", ", ends);
  }
}
