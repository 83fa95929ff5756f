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
 * number of values outside, {@code threshold} 0; the examples are the extreme value beyond each
 * violated side with the number of values on that side.
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
    return List.of(
        Anomaly.builder(AnomalyType.OUT_OF_RANGE, expected.name())
            .setShortDescription("Values out of range")
            .setDescription(
                (estimated ? "About " : "") + outside + " of " + actual.numNonMissing() + " values ("
                    + Text.percent((double) outside / actual.numNonMissing()) + ") lie outside ["
                    + Text.number(expected.min()) + ", " + Text.number(expected.max()) + "]: "
                    + String.join(", ", sides) + ".")
            .setMeasured(outside, 0)
            .setExamples(examples)
            .build());
  }
}
