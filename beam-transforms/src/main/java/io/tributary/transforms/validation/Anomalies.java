package io.tributary.transforms.validation;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The result of validating the statistics of one split ({@code anomalies.json}): the anomalies
 * found and, when skew or drift was compared, every measured distance.
 *
 * <pre>{@code
 * Anomalies result = ExampleValidator.validate(schema).check(statistics);
 * if (result.hasErrors()) {
 *   throw new IllegalStateException(result.errors().get(0).description());
 * }
 * AnomaliesJson.write(result, dir.resolve(AnomaliesJson.FILE_NAME));
 * }</pre>
 */
@AutoValue
public abstract class Anomalies implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * The version of the JSON format written by {@link AnomaliesJson}: 2 added each anomaly's {@code
   * remedy}; version 1 files are still read.
   */
  public static final int FORMAT_VERSION = 2;

  /** The dataset's name, from the statistics. */
  public abstract String dataset();

  /** The split's name, from the statistics. */
  public abstract String split();

  /** The environment validated in; {@code null} when none was set. */
  public abstract @Nullable String environment();

  public abstract List<Anomaly> anomalies();

  public abstract List<DistanceResult> distances();

  /** Whether any anomaly is an {@link Severity#ERROR}. */
  public boolean hasErrors() {
    return !errors().isEmpty();
  }

  public List<Anomaly> errors() {
    return anomalies().stream().filter(a -> a.severity() == Severity.ERROR).collect(Collectors.toList());
  }

  /** The anomalies of one type. */
  public List<Anomaly> ofType(AnomalyType type) {
    return anomalies().stream().filter(a -> a.type() == type).collect(Collectors.toList());
  }

  /**
   * The same anomalies with each feature named by {@code rename}: for a report that shows the
   * columns' original names ({@code ColumnNames::original}).
   */
  public Anomalies withFeatureNames(UnaryOperator<String> rename) {
    List<Anomaly> renamed = new ArrayList<>();
    anomalies().forEach(
        a -> renamed.add(a.feature() == null ? a : a.toBuilder().setFeature(rename.apply(a.feature())).build()));
    List<DistanceResult> distances = new ArrayList<>();
    distances().forEach(
        d -> distances.add(
            DistanceResult.of(
                rename.apply(d.feature()), d.comparison(), d.metric(), d.value(), d.threshold(), d.thresholdFromSchema(),
                d.baselineCount(), d.currentCount(), d.bins())));
    return of(dataset(), split(), environment(), renamed, distances);
  }

  public static Anomalies of(
      String dataset,
      String split,
      @Nullable String environment,
      List<Anomaly> anomalies,
      List<DistanceResult> distances) {
    return new AutoValue_Anomalies(dataset, split, environment, List.copyOf(anomalies), List.copyOf(distances));
  }
}
