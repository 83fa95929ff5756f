package io.tributary.transforms.validation;

import com.google.auto.value.AutoValue;
import io.tributary.transforms.schema.DatasetSchema;
import io.tributary.transforms.schema.FeatureSchema;
import io.tributary.transforms.statistics.DatasetStatistics;
import io.tributary.transforms.statistics.FeatureStatistics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
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
 * <p>In one pipeline, the schema and the baselines can be computed upstream and passed as side
 * inputs, so inference feeds validation with no file in between (the coders of schemas and
 * statistics are registered, so {@code View.asSingleton()} needs no coder):
 *
 * <pre>{@code
 * PCollection<DatasetStatistics> train = trainRows.apply("TrainStats", Statistics.generate().withSplit("train"));
 * PCollection<DatasetStatistics> eval = evalRows.apply("EvalStats", Statistics.generate().withSplit("eval"));
 * PCollectionView<DatasetSchema> schema = train.apply(SchemaGen.infer()).apply(View.asSingleton());
 * PCollection<Anomalies> anomalies = eval.apply(ExampleValidator.validate(schema)
 *     .withSkewBaseline(train.apply("TrainView", View.asSingleton())));
 * }</pre>
 *
 * <p>Checks, in this order: the columns against the schema and the example count (dataset checks);
 * then, on a non-empty split, per schema feature expected in the environment and present in the
 * data: the type, and when it matches, presence, domain, range, NaN and any {@link
 * Validation#withCheck added check}. The anomaly types and their default severities are listed in
 * {@link AnomalyType}. Skew and drift report every measured distance in {@link
 * Anomalies#distances()}.
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
    return Validation.empty().setSchema(schema).build();
  }

  /**
   * Validation against the schema in a singleton side input, e.g. {@code
   * statistics.apply(SchemaGen.infer()).apply(View.asSingleton())}: for a schema computed in the
   * same pipeline. Such a validation is a transform only; {@link Validation#check} needs a value.
   *
   * @throws IllegalArgumentException if the view is null
   */
  public static Validation validate(PCollectionView<DatasetSchema> schema) {
    if (schema == null) {
      throw new IllegalArgumentException(
          "validate(null): pass a schema view, e.g. statistics.apply(SchemaGen.infer()).apply(View.asSingleton())");
    }
    return Validation.empty().setSchemaView(schema).build();
  }

  /**
   * The validation returned by {@link #validate}; a transform of singleton statistics. The schema
   * and each baseline is either a value or a side input ({@link PCollectionView}); setting one
   * replaces the other.
   */
  @AutoValue
  public abstract static class Validation
      extends PTransform<PCollection<DatasetStatistics>, PCollection<Anomalies>> {
    private static final long serialVersionUID = 1L;

    abstract @Nullable DatasetSchema schema();

    abstract @Nullable PCollectionView<DatasetSchema> schemaView();

    abstract @Nullable String environment();

    abstract Map<AnomalyType, Severity> severities();

    abstract List<FeatureCheck> extraChecks();

    abstract @Nullable DatasetStatistics skewBaseline();

    abstract @Nullable PCollectionView<DatasetStatistics> skewView();

    abstract @Nullable DatasetStatistics driftBaseline();

    abstract @Nullable PCollectionView<DatasetStatistics> driftView();

    abstract Builder toBuilder();

    private static Builder empty() {
      return new AutoValue_ExampleValidator_Validation.Builder()
          .setSeverities(Map.of())
          .setExtraChecks(List.of());
    }

    @AutoValue.Builder
    abstract static class Builder {
      abstract Builder setSchema(@Nullable DatasetSchema schema);

      abstract Builder setSchemaView(@Nullable PCollectionView<DatasetSchema> view);

      abstract Builder setEnvironment(@Nullable String environment);

      abstract Builder setSeverities(Map<AnomalyType, Severity> severities);

      abstract Builder setExtraChecks(List<FeatureCheck> checks);

      abstract Builder setSkewBaseline(@Nullable DatasetStatistics statistics);

      abstract Builder setSkewView(@Nullable PCollectionView<DatasetStatistics> view);

      abstract Builder setDriftBaseline(@Nullable DatasetStatistics statistics);

      abstract Builder setDriftView(@Nullable PCollectionView<DatasetStatistics> view);

      abstract Validation build();
    }

    /**
     * Validates data of this environment: features marked absent from it are not expected. With a
     * schema side input the environment is checked against the schema when the pipeline runs.
     */
    public Validation inEnvironment(String environment) {
      if (schema() != null) {
        requireEnvironment(schema(), environment);
      } else if (environment == null || environment.isEmpty()) {
        throw new IllegalArgumentException("inEnvironment(" + environment + "): name an environment, e.g. SERVING");
      }
      return toBuilder().setEnvironment(environment).build();
    }

    private static void requireEnvironment(DatasetSchema schema, @Nullable String environment) {
      if (environment != null && !schema.environments().contains(environment)) {
        throw new IllegalArgumentException(
            "inEnvironment(" + environment + "): the schema's environments are " + schema.environments()
                + "; pick one or add it to the schema");
      }
    }

    /** Reports anomalies of {@code type} with {@code severity} instead of the default. */
    public Validation withSeverity(AnomalyType type, Severity severity) {
      if (type == null || severity == null) {
        throw new IllegalArgumentException("withSeverity(type, severity): pass both");
      }
      Map<AnomalyType, Severity> copy = new EnumMap<>(AnomalyType.class);
      copy.putAll(severities());
      copy.put(type, severity);
      return toBuilder().setSeverities(copy).build();
    }

    /** Runs {@code check} as well, on every feature that passes the type check. */
    public Validation withCheck(FeatureCheck check) {
      if (check == null) {
        throw new IllegalArgumentException("withCheck(null): pass a FeatureCheck");
      }
      List<FeatureCheck> copy = new ArrayList<>(extraChecks());
      copy.add(check);
      return toBuilder().setExtraChecks(List.copyOf(copy)).build();
    }

    /** Compares with the statistics of training data: {@link AnomalyType#SKEW}. */
    public Validation withSkewBaseline(DatasetStatistics training) {
      return toBuilder().setSkewBaseline(required(training, "withSkewBaseline")).setSkewView(null).build();
    }

    /** As {@link #withSkewBaseline(DatasetStatistics)}, with training statistics computed in the same pipeline. */
    public Validation withSkewBaseline(PCollectionView<DatasetStatistics> training) {
      return toBuilder().setSkewView(required(training, "withSkewBaseline")).setSkewBaseline(null).build();
    }

    /** Compares with the statistics of the previous span: {@link AnomalyType#DRIFT}. */
    public Validation withDriftBaseline(DatasetStatistics previousSpan) {
      return toBuilder().setDriftBaseline(required(previousSpan, "withDriftBaseline")).setDriftView(null).build();
    }

    /** As {@link #withDriftBaseline(DatasetStatistics)}, with the previous span's statistics as a side input. */
    public Validation withDriftBaseline(PCollectionView<DatasetStatistics> previousSpan) {
      return toBuilder().setDriftView(required(previousSpan, "withDriftBaseline")).setDriftBaseline(null).build();
    }

    private static <T> T required(T statistics, String method) {
      if (statistics == null) {
        throw new IllegalArgumentException(
            method + "(null): pass statistics, e.g. StatisticsJson.read(file) or a View.asSingleton() of them");
      }
      return statistics;
    }

    /**
     * The anomalies of {@code statistics}.
     *
     * @throws IllegalStateException if the schema or a baseline is a side input: apply the
     *     validation to a {@code PCollection} instead
     */
    public Anomalies check(DatasetStatistics statistics) {
      if (schema() == null || skewView() != null || driftView() != null) {
        throw new IllegalStateException(
            "check(statistics): this validation reads its schema or a baseline from a side input;"
                + " apply it to a PCollection<DatasetStatistics> instead");
      }
      return check(schema(), skewBaseline(), driftBaseline(), statistics);
    }

    private Anomalies check(
        DatasetSchema schema,
        @Nullable DatasetStatistics skew,
        @Nullable DatasetStatistics drift,
        DatasetStatistics statistics) {
      List<Anomaly> found = new ArrayList<>();
      DATASET_CHECKS.forEach(check -> found.addAll(check.check(schema, statistics, environment())));
      if (statistics.rowCount() > 0) {
        for (FeatureSchema expected : schema.features()) {
          Optional<FeatureStatistics> actual =
              statistics.overall().features().stream().filter(f -> f.name().equals(expected.name())).findFirst();
          if (expected.isIn(environment()) && actual.isPresent()) {
            found.addAll(checkFeature(expected, actual.get()));
          }
        }
      }
      List<DistanceResult> distances = new ArrayList<>();
      compare(Comparison.SKEW, schema, skew, statistics, found, distances);
      compare(Comparison.DRIFT, schema, drift, statistics, found, distances);
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
        DatasetSchema schema,
        @Nullable DatasetStatistics baseline,
        DatasetStatistics statistics,
        List<Anomaly> anomalies,
        List<DistanceResult> distances) {
      if (baseline != null) {
        DistributionComparator comparator = new DistributionComparator(comparison);
        List<DistanceResult> results = comparator.compare(schema, baseline, statistics, environment());
        distances.addAll(results);
        anomalies.addAll(comparator.anomalies(results));
      }
    }

    @Override
    public PCollection<Anomalies> expand(PCollection<DatasetStatistics> statistics) {
      List<PCollectionView<?>> views = new ArrayList<>();
      for (PCollectionView<?> view : Arrays.asList(schemaView(), skewView(), driftView())) {
        if (view != null) {
          views.add(view);
        }
      }
      PCollection<Anomalies> anomalies =
          views.isEmpty()
              ? statistics.apply("Validate", MapElements.into(TypeDescriptor.of(Anomalies.class)).via(this::check))
              : statistics.apply("Validate", ParDo.of(new WithSideInputs(this)).withSideInputs(views));
      return anomalies.setCoder(AnomaliesJson.coder());
    }

    /** Reads the schema and the baselines that are side inputs, then checks as {@link #check} does. */
    private static final class WithSideInputs extends DoFn<DatasetStatistics, Anomalies> {
      private static final long serialVersionUID = 1L;
      private final Validation validation;

      WithSideInputs(Validation validation) {
        this.validation = validation;
      }

      @ProcessElement
      public void process(ProcessContext c) {
        Validation v = validation;
        DatasetSchema schema = v.schemaView() != null ? c.sideInput(v.schemaView()) : v.schema();
        // Only a schema known when the pipeline was built could be checked then.
        requireEnvironment(schema, v.environment());
        DatasetStatistics skew = v.skewView() != null ? c.sideInput(v.skewView()) : v.skewBaseline();
        DatasetStatistics drift = v.driftView() != null ? c.sideInput(v.driftView()) : v.driftBaseline();
        c.output(v.check(schema, skew, drift, c.element()));
      }
    }
  }
}
