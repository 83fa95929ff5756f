package io.tributary.transforms.validation;

import com.google.auto.value.AutoValue;
import io.tributary.transforms.schema.DatasetSchema;
import io.tributary.transforms.schema.FeatureSchema;
import io.tributary.transforms.statistics.DatasetStatistics;
import io.tributary.transforms.statistics.FeatureStatistics;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Validates the statistics of a split against a schema (TFX's ExampleValidator), and compares them
 * with the statistics of training data (skew) or of the previous span (drift).
 *
 * <pre>{@code
 * DatasetSchema schema = SchemaJson.read(schemaJson);
 * Anomalies anomalies = ExampleValidator.validate(schema)
 *     .inEnvironment(DatasetSchema.SERVING)                 // the label may be absent
 *     .withSkewBaseline(StatisticsJson.read(trainJson))     // training vs serving
 *     .withDriftBaseline(StatisticsJson.read(lastSpanJson)) // previous span vs this one
 *     .withSeverity(AnomalyType.NEW_FEATURE, Severity.WARNING)
 *     .check(StatisticsJson.read(servingJson));
 * AnomaliesJson.write(anomalies, dir.resolve(AnomaliesJson.FILE_NAME));
 *
 * PCollection<Anomalies> inPipeline = statistics.apply(ExampleValidator.validate(schema));
 * }</pre>
 *
 * <p>Checks, in this order: the columns against the schema and the example count (dataset checks);
 * then, on a non-empty split, per schema feature expected in the environment and present in the
 * data: the type, and when it matches, presence, domain, range, NaN and any {@link #withCheck
 * added check}. The anomaly types and their default severities are listed in {@link AnomalyType}.
 * Skew and drift report every measured distance in {@link Anomalies#distances()}.
 */
public final class ExampleValidator {
  private static final List<DatasetCheck> DATASET_CHECKS = List.of(new ColumnsCheck(), new ExampleCountCheck());
  private static final FeatureCheck TYPE_CHECK = new TypeCheck();
  private static final List<FeatureCheck> FEATURE_CHECKS =
      List.of(new PresenceCheck(), new DomainCheck(), new RangeCheck(), new NanCheck());

  private ExampleValidator() {}

  /**
   * Validation against {@code schema}, in no environment, with default severities and no baselines.
   *
   * @throws IllegalArgumentException if the schema is null
   */
  public static Validation validate(DatasetSchema schema) {
    if (schema == null) {
      throw new IllegalArgumentException("validate(null): pass a schema, e.g. SchemaGen.infer().from(statistics)");
    }
    return new AutoValue_ExampleValidator_Validation(schema, null, Map.of(), List.of(), null, null);
  }

  /** The validation returned by {@link #validate}; a transform of singleton statistics. */
  @AutoValue
  public abstract static class Validation
      extends PTransform<PCollection<DatasetStatistics>, PCollection<Anomalies>> {
    private static final long serialVersionUID = 1L;

    abstract DatasetSchema schema();

    abstract @Nullable String environment();

    abstract Map<AnomalyType, Severity> severities();

    abstract List<FeatureCheck> extraChecks();

    abstract @Nullable DatasetStatistics skewBaseline();

    abstract @Nullable DatasetStatistics driftBaseline();

    private Validation copy(
        @Nullable String environment,
        Map<AnomalyType, Severity> severities,
        List<FeatureCheck> checks,
        @Nullable DatasetStatistics skew,
        @Nullable DatasetStatistics drift) {
      return new AutoValue_ExampleValidator_Validation(schema(), environment, severities, checks, skew, drift);
    }

    /** Validates data of this environment: features marked absent from it are not expected. */
    public Validation inEnvironment(String environment) {
      if (!schema().environments().contains(environment)) {
        throw new IllegalArgumentException(
            "inEnvironment(" + environment + "): the schema's environments are " + schema().environments()
                + "; pick one or add it to the schema");
      }
      return copy(environment, severities(), extraChecks(), skewBaseline(), driftBaseline());
    }

    /** Reports anomalies of {@code type} with {@code severity} instead of the default. */
    public Validation withSeverity(AnomalyType type, Severity severity) {
      if (type == null || severity == null) {
        throw new IllegalArgumentException("withSeverity(type, severity): pass both");
      }
      Map<AnomalyType, Severity> copy = new EnumMap<>(AnomalyType.class);
      copy.putAll(severities());
      copy.put(type, severity);
      return copy(environment(), copy, extraChecks(), skewBaseline(), driftBaseline());
    }

    /** Runs {@code check} as well, on every feature that passes the type check. */
    public Validation withCheck(FeatureCheck check) {
      if (check == null) {
        throw new IllegalArgumentException("withCheck(null): pass a FeatureCheck");
      }
      List<FeatureCheck> copy = new ArrayList<>(extraChecks());
      copy.add(check);
      return copy(environment(), severities(), List.copyOf(copy), skewBaseline(), driftBaseline());
    }

    /** Compares with the statistics of training data: {@link AnomalyType#SKEW}. */
    public Validation withSkewBaseline(DatasetStatistics training) {
      return copy(environment(), severities(), extraChecks(), required(training, "withSkewBaseline"), driftBaseline());
    }

    /** Compares with the statistics of the previous span: {@link AnomalyType#DRIFT}. */
    public Validation withDriftBaseline(DatasetStatistics previousSpan) {
      return copy(environment(), severities(), extraChecks(), skewBaseline(), required(previousSpan, "withDriftBaseline"));
    }

    private static DatasetStatistics required(DatasetStatistics statistics, String method) {
      if (statistics == null) {
        throw new IllegalArgumentException(method + "(null): pass statistics, e.g. StatisticsJson.read(file)");
      }
      return statistics;
    }

    /** The anomalies of {@code statistics}. */
    public Anomalies check(DatasetStatistics statistics) {
      List<Anomaly> found = new ArrayList<>();
      DATASET_CHECKS.forEach(check -> found.addAll(check.check(schema(), statistics, environment())));
      if (statistics.rowCount() > 0) {
        for (FeatureSchema expected : schema().features()) {
          Optional<FeatureStatistics> actual =
              statistics.overall().features().stream().filter(f -> f.name().equals(expected.name())).findFirst();
          if (expected.isIn(environment()) && actual.isPresent()) {
            found.addAll(checkFeature(expected, actual.get()));
          }
        }
      }
      List<DistanceResult> distances = new ArrayList<>();
      compare(Comparison.SKEW, skewBaseline(), statistics, found, distances);
      compare(Comparison.DRIFT, driftBaseline(), statistics, found, distances);
      List<Anomaly> anomalies = new ArrayList<>();
      for (Anomaly anomaly : found) {
        Severity severity = severities().get(anomaly.type());
        anomalies.add(severity == null ? anomaly : anomaly.withSeverity(severity));
      }
      return Anomalies.of(statistics.name(), statistics.split(), environment(), anomalies, distances);
    }

    private List<Anomaly> checkFeature(FeatureSchema expected, FeatureStatistics actual) {
      List<Anomaly> typeAnomalies = TYPE_CHECK.check(expected, actual);
      if (!typeAnomalies.isEmpty()) {
        return typeAnomalies;
      }
      List<Anomaly> anomalies = new ArrayList<>();
      FEATURE_CHECKS.forEach(check -> anomalies.addAll(check.check(expected, actual)));
      extraChecks().forEach(check -> anomalies.addAll(check.check(expected, actual)));
      return anomalies;
    }

    private void compare(
        Comparison comparison,
        @Nullable DatasetStatistics baseline,
        DatasetStatistics statistics,
        List<Anomaly> anomalies,
        List<DistanceResult> distances) {
      if (baseline != null) {
        DistributionComparator comparator = new DistributionComparator(comparison);
        List<DistanceResult> results = comparator.compare(schema(), baseline, statistics, environment());
        distances.addAll(results);
        anomalies.addAll(comparator.anomalies(results));
      }
    }

    @Override
    public PCollection<Anomalies> expand(PCollection<DatasetStatistics> statistics) {
      return statistics
          .apply("Validate", MapElements.into(TypeDescriptor.of(Anomalies.class)).via(this::check))
          .setCoder(AnomaliesJson.coder());
    }
  }
}
