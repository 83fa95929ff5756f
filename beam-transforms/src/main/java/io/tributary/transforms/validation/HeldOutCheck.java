package io.tributary.transforms.validation;

import io.tributary.transforms.schema.DatasetSchema;
import io.tributary.transforms.schema.FeatureSchema;
import io.tributary.transforms.schema.InferredSchema;
import io.tributary.transforms.statistics.DatasetStatistics;
import io.tributary.transforms.statistics.FeatureStatistics;
import io.tributary.transforms.statistics.FeatureType;
import io.tributary.transforms.statistics.NumericStatistics;
import io.tributary.transforms.statistics.ValueCount;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an inferred schema against data it did not learn from (as Deequ checks its constraint
 * suggestions on held-out rows) and relaxes every constraint that this clean sample breaks with an
 * ERROR, with a note saying what was relaxed and why. What it cannot relax (a type mismatch, an
 * empty split) stays and is noted.
 *
 * <pre>{@code
 * InferredSchema inferred = SchemaGen.infer().withHeldOutRows(eval.rowCount()).inference(train);
 * InferredSchema checked = HeldOutCheck.relax(inferred, List.of(eval));
 * checked.notes().forEach(System.out::println);  // "temp_max: range widened to [-2, 40]: split eval ..."
 * }</pre>
 *
 * <p>Relaxations: {@code minFraction} lowered to the held-out share less three standard errors;
 * values outside the domain added to it; the range widened to the held-out extremes; NaN allowed.
 * WARNINGs are left alone: they are how a schema reports the few new values another sample has.
 */
public final class HeldOutCheck {
  private HeldOutCheck() {}

  /** {@code inferred}, relaxed until no held-out split has an ERROR that relaxing can remove. */
  public static InferredSchema relax(InferredSchema inferred, List<DatasetStatistics> heldOut) {
    DatasetSchema schema = inferred.schema();
    List<String> notes = new ArrayList<>();
    for (DatasetStatistics split : heldOut) {
      for (Anomaly anomaly : ExampleValidator.validate(schema).check(split).errors()) {
        Optional<FeatureSchema> feature = anomaly.feature() == null ? Optional.empty() : schema.feature(anomaly.feature());
        Optional<FeatureStatistics> seen = feature.flatMap(f -> column(split, f.name()));
        FeatureSchema relaxed = feature.isPresent() && seen.isPresent() ? relaxed(feature.get(), anomaly, seen.get()) : null;
        String where = "split " + split.split() + " (" + split.rowCount() + " rows)";
        if (relaxed == null) {
          notes.add((anomaly.feature() == null ? "" : anomaly.feature() + ": ") + "not relaxed, " + where + " has: "
              + anomaly.description());
          continue;
        }
        schema = replace(schema, relaxed);
        notes.add(anomaly.feature() + ": " + change(feature.get(), relaxed) + ", for " + where + ": "
            + anomaly.description());
      }
    }
    return inferred.with(schema, notes);
  }

  private static Optional<FeatureStatistics> column(DatasetStatistics split, String name) {
    return split.overall().features().stream().filter(f -> f.name().equals(name)).findFirst();
  }

  private static FeatureSchema relaxed(FeatureSchema expected, Anomaly anomaly, FeatureStatistics seen) {
    FeatureSchema.Builder builder = expected.toBuilder();
    switch (anomaly.type()) {
      case LOW_PRESENCE, ALL_MISSING -> builder.setMinFraction(Math.min(expected.minFraction(), presenceBound(seen)));
      case UNEXPECTED_VALUES -> {
        Set<String> domain = new LinkedHashSet<>(expected.domain());
        anomaly.examples().stream().map(ValueCount::value).forEach(domain::add);
        builder.setDomain(domain.stream().sorted().toList());
      }
      case OUT_OF_RANGE -> {
        NumericStatistics numeric = seen.numeric();
        boolean integral = expected.type() == FeatureType.INT;
        double low = numeric.numNegativeInfinity() > 0 ? Double.NEGATIVE_INFINITY : Math.min(expected.min(), numeric.min());
        double high = numeric.numPositiveInfinity() > 0 ? Double.POSITIVE_INFINITY : Math.max(expected.max(), numeric.max());
        builder.setRange(integral ? Math.floor(low) : low, integral ? Math.ceil(high) : high);
      }
      case NAN_NOT_ALLOWED -> builder.setNanAllowed(true);
      default -> {
        return null;
      }
    }
    return builder.build();
  }

  /** The held-out share of rows with a value, less three standard errors, rounded down to 4 decimals. */
  private static double presenceBound(FeatureStatistics seen) {
    if (seen.count() == 0 || seen.numNonMissing() == 0) {
      return 0.0;
    }
    double share = (double) seen.numNonMissing() / seen.count();
    double slack = 3.0 * Math.sqrt(share * (1.0 - share) / seen.count());
    return Math.floor(Math.max(0.0, share - slack) * 1e4) / 1e4;
  }

  private static String change(FeatureSchema before, FeatureSchema after) {
    if (before.minFraction() != after.minFraction()) {
      return "minFraction lowered from " + Text.number(before.minFraction()) + " to " + Text.number(after.minFraction());
    }
    if (!Objects.equals(before.domain(), after.domain())) {
      List<String> added = new ArrayList<>(after.domain());
      added.removeAll(before.domain());
      return "added " + Text.list(added.stream().map(v -> "'" + v + "'").toList()) + " to the domain";
    }
    if (before.nanAllowed() != after.nanAllowed()) {
      return "NaN allowed";
    }
    return "range widened from [" + Text.number(before.min()) + ", " + Text.number(before.max()) + "] to ["
        + Text.number(after.min()) + ", " + Text.number(after.max()) + "]";
  }

  private static DatasetSchema replace(DatasetSchema schema, FeatureSchema feature) {
    List<FeatureSchema> features = new ArrayList<>(schema.features());
    features.replaceAll(f -> f.name().equals(feature.name()) ? feature : f);
    return schema.toBuilder().setFeatures(features).build();
  }
}
