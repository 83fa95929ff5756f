package io.tributary.transforms.schema;

import com.google.auto.value.AutoValue;
import io.tributary.transforms.statistics.DatasetStatistics;
import io.tributary.transforms.statistics.FeatureStatistics;
import io.tributary.transforms.statistics.FeatureType;
import io.tributary.transforms.statistics.NumericStatistics;
import io.tributary.transforms.transform.Bounds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Infers a {@link DatasetSchema} from statistics (TFX's SchemaGen), in plain Java or in a pipeline.
 * The constraints are meant to hold, with high probability, on <em>another sample of the same
 * data</em> (the eval split, next week's span), so that clean data raises no ERROR, while corrupt
 * data (dropped columns, wrong types, unit changes, shifted distributions, new categories in bulk)
 * still does.
 *
 * <pre>{@code
 * SchemaGen.Infer infer = SchemaGen.infer()
 *     .withMaxDomainSize(50)          // string features with at most 50 values may get a domain
 *     .withRangeMargin(0.1)           // numeric ranges widened by 10% of the seen span per side
 *     .withHeldOutRows(500)           // the size of the other sample the schema must hold on
 *     .withLabel("species");          // the label is absent in SERVING
 * InferredSchema inferred = infer.inference(StatisticsJson.read(trainStatisticsJson));
 * inferred.notes().forEach(System.out::println);     // why a feature got no domain
 * SchemaJson.write(inferred.schema(), dir.resolve(SchemaJson.FILE_NAME));
 *
 * PCollection<DatasetSchema> inPipeline = statistics.apply(infer);
 * // validation in the same pipeline: the schema as a side input (no coder to set)
 * PCollection<Anomalies> anomalies =
 *     evalStatistics.apply(ExampleValidator.validate(inPipeline.apply(View.asSingleton())));
 * }</pre>
 *
 * <p>Per feature (the overall statistics; slices are ignored), with {@code n} the rows learned
 * from and {@code m} the rows of the other sample ({@link Infer#withHeldOutRows}; default {@code
 * n/2}, as an eval split of a 2:1 split):
 *
 * <ul>
 *   <li><b>type</b>: the statistics' type.
 *   <li><b>presence</b> (as TFDV): a feature present in every row is required ({@code minFraction}
 *       1.0); otherwise {@code minFraction} is the seen share {@code p} less {@value
 *       #STANDARD_ERRORS} standard errors of the difference of two samples' shares, {@code sqrt(p(1
 *       - p)(1/n + 1/m))}, rounded down to 4 decimals.
 *   <li><b>domain</b> (STRING): only for truly categorical columns (see {@code DomainInference}:
 *       exact counts, at most {@code maxDomainSize} distinct values (default {@value
 *       #DEFAULT_MAX_DOMAIN_SIZE}), at least 5 rows per value, not mostly values seen once, not
 *       dates); {@code minDomainMass} (TFDV's {@code distribution_constraints.min_domain_mass})
 *       leaves room for the rare new values of another sample, so a few are a WARNING and many an
 *       ERROR.
 *   <li><b>range</b> (INT, FLOAT): {@code [min - m, max + m]} with {@code m = margin × (max -
 *       min)} (default margin {@value #DEFAULT_RANGE_MARGIN}; {@code margin × max(|max|, 1)} when all
 *       values are equal); the lower end stays at or above 0 for data that had no negative value;
 *       integers are rounded outwards; a side where infinity was seen stays unbounded. {@code
 *       minRangeMass} makes a few values past it (a heavy tail) a WARNING and a shifted
 *       distribution an ERROR: a new value falls outside the seen extremes with probability {@code
 *       2/(n+1)}.
 *   <li><b>NaN</b> is allowed if the statistics counted any.
 * </ul>
 *
 * <p>A mass leaves room for an expected share {@code q} of values outside: {@code 1 - max(0.01, q
 * + 3 sqrt(q/m))}, rounded down to 4 decimals. Dataset bounds of the example count are not
 * inferred; set them in the schema by hand. Check the result against data it did not learn from
 * with {@code io.tributary.transforms.validation.HeldOutCheck}.
 */
public final class SchemaGen {
  public static final int DEFAULT_MAX_DOMAIN_SIZE = 100;

  /** The largest maxDomainSize: each value of a domain is listed in the schema and looked up for every row. */
  public static final int MAX_DOMAIN_SIZE = 100_000;
  public static final double DEFAULT_RANGE_MARGIN = 0.1;
  /** Standard errors of slack in inferred presence bounds and masses. */
  public static final double STANDARD_ERRORS = 3.0;
  /** The smallest share of values outside a domain or range that an inferred mass tolerates. */
  public static final double MIN_TOLERATED_SHARE = 0.01;

  private SchemaGen() {}

  /** Schema inference with the defaults above, and no feature absent from any environment. */
  public static Infer infer() {
    return new AutoValue_SchemaGen_Infer(DEFAULT_MAX_DOMAIN_SIZE, DEFAULT_RANGE_MARGIN, Map.of(), 0L);
  }

  /**
   * The mass that tolerates an expected share {@code unseen} of values outside in a sample of
   * {@code rows}: {@code 1 - max(0.01, q + 3 sqrt(q / rows))}, rounded down to 4 decimals.
   */
  static double massFor(double unseen, long rows) {
    double tolerated = unseen + STANDARD_ERRORS * Math.sqrt(unseen / Math.max(rows, 1));
    return Math.floor(Math.max(0.0, 1.0 - Math.max(MIN_TOLERATED_SHARE, tolerated)) * 1e4) / 1e4;
  }

  /** The inference returned by {@link #infer()}; a transform of singleton statistics. */
  @AutoValue
  public abstract static class Infer
      extends PTransform<PCollection<DatasetStatistics>, PCollection<DatasetSchema>> {
    private static final long serialVersionUID = 1L;

    abstract int maxDomainSize();

    abstract double rangeMargin();

    /** Feature name to the environments it is absent from. */
    abstract Map<String, List<String>> absences();

    /** The rows of the other sample the schema must hold on; 0: half the rows learned from. */
    abstract long heldOutRows();

    /** Gives string features with at most {@code size} distinct values a domain (0: never). */
    public Infer withMaxDomainSize(int size) {
      if (size < 0) {
        throw new IllegalArgumentException("withMaxDomainSize(" + size + "): pass 0 (no domains) or more");
      }
      Bounds.atMost("maxDomainSize", size, MAX_DOMAIN_SIZE, "each value of a domain is listed in the schema and looked up for every row");
      return new AutoValue_SchemaGen_Infer(size, rangeMargin(), absences(), heldOutRows());
    }

    /** Widens each side of numeric ranges by this share of the seen span (0: the seen min and max). */
    public Infer withRangeMargin(double margin) {
      if (!(margin >= 0.0) || Double.isInfinite(margin)) {
        throw new IllegalArgumentException("withRangeMargin(" + margin + "): pass a finite share >= 0, e.g. 0.1");
      }
      return new AutoValue_SchemaGen_Infer(maxDomainSize(), margin, absences(), heldOutRows());
    }

    /**
     * Sizes presence bounds and masses for another sample of {@code rows} rows (e.g. the smallest
     * other split); the default, 0, takes half the rows learned from.
     */
    public Infer withHeldOutRows(long rows) {
      if (rows < 0) {
        throw new IllegalArgumentException("withHeldOutRows(" + rows + "): pass a row count >= 1, or 0 for the default");
      }
      return new AutoValue_SchemaGen_Infer(maxDomainSize(), rangeMargin(), absences(), rows);
    }

    /** Marks the label: the feature is absent in {@link DatasetSchema#SERVING}. */
    public Infer withLabel(String feature) {
      return withAbsentIn(DatasetSchema.SERVING, feature);
    }

    /** Marks features as absent in {@code environment} (added to the schema's environments). */
    public Infer withAbsentIn(String environment, String... features) {
      if (environment == null || environment.isEmpty() || features.length == 0) {
        throw new IllegalArgumentException("withAbsentIn(environment, features...): name an environment and a feature");
      }
      Map<String, List<String>> copy = new LinkedHashMap<>(absences());
      for (String feature : features) {
        if (feature == null || feature.isEmpty()) {
          throw new IllegalArgumentException("withAbsentIn(" + environment + ", ...): feature names must not be empty");
        }
        List<String> environments = new ArrayList<>(copy.getOrDefault(feature, List.of()));
        if (!environments.contains(environment)) {
          environments.add(environment);
        }
        copy.put(feature, List.copyOf(environments));
      }
      return new AutoValue_SchemaGen_Infer(maxDomainSize(), rangeMargin(), Map.copyOf(copy), heldOutRows());
    }

    /**
     * The schema inferred from {@code statistics}.
     *
     * @throws IllegalArgumentException if a feature named in {@link #withAbsentIn} is not in them
     */
    public DatasetSchema from(DatasetStatistics statistics) {
      return inference(statistics).schema();
    }

    /**
     * The schema inferred from {@code statistics}, with a note per string feature that got no
     * domain, saying why.
     *
     * @throws IllegalArgumentException if a feature named in {@link #withAbsentIn} is not in them
     */
    public InferredSchema inference(DatasetStatistics statistics) {
      Set<String> environments = new LinkedHashSet<>(List.of(DatasetSchema.TRAINING, DatasetSchema.SERVING));
      absences().values().forEach(environments::addAll);
      long otherRows = heldOutRows() > 0 ? heldOutRows() : Math.max(1, statistics.rowCount() / 2);
      List<FeatureSchema> features = new ArrayList<>();
      List<String> notes = new ArrayList<>();
      for (FeatureStatistics feature : statistics.overall().features()) {
        features.add(feature(feature, otherRows, notes));
      }
      for (String name : absences().keySet()) {
        if (features.stream().noneMatch(f -> f.name().equals(name))) {
          throw new IllegalArgumentException(
              "withAbsentIn/withLabel names '" + name + "', which is not a feature of these statistics");
        }
      }
      DatasetSchema schema =
          DatasetSchema.builder().setFeatures(features).setEnvironments(List.copyOf(environments)).build();
      return new InferredSchema(schema, notes);
    }

    private FeatureSchema feature(FeatureStatistics stats, long otherRows, List<String> notes) {
      FeatureSchema.Builder builder =
          FeatureSchema.builder(stats.name(), stats.type())
              .setMinFraction(minFraction(stats, otherRows))
              .setNotInEnvironments(absences().getOrDefault(stats.name(), List.of()));
      if (stats.string() != null) {
        String note =
            DomainInference.infer(builder, stats.name(), stats.string(), stats.numNonMissing(), maxDomainSize(), otherRows);
        if (note != null) {
          notes.add(note);
        }
      }
      NumericStatistics numeric = stats.numeric();
      if (numeric != null) {
        builder.setNanAllowed(numeric.numNaN() > 0);
        if (!Double.isNaN(numeric.min())) {
          range(builder, numeric, stats.type() == FeatureType.INT);
          long finite = stats.numNonMissing() - numeric.numNaN();
          builder.setMinRangeMass(massFor(2.0 / (finite + 1), otherRows));
        }
      }
      return builder.build();
    }

    private static double minFraction(FeatureStatistics stats, long otherRows) {
      if (stats.count() == 0) {
        return 0.0;
      }
      double seen = (double) stats.numNonMissing() / stats.count();
      if (seen >= 1.0) {
        return 1.0;
      }
      // The shares seen in two samples differ by a few standard errors of their difference.
      double slack = STANDARD_ERRORS * Math.sqrt(seen * (1.0 - seen) * (1.0 / stats.count() + 1.0 / otherRows));
      return Math.floor(Math.max(0.0, seen - slack) * 1e4) / 1e4;
    }

    private void range(FeatureSchema.Builder builder, NumericStatistics numeric, boolean integral) {
      double span = numeric.max() - numeric.min();
      double margin = rangeMargin() * (span > 0 ? span : Math.max(Math.abs(numeric.max()), 1.0));
      double low = numeric.min() - margin;
      if (numeric.min() >= 0 && numeric.numNegativeInfinity() == 0) {
        low = Math.max(0.0, low);
      }
      double high = numeric.max() + margin;
      if (integral) {
        low = Math.floor(low);
        high = Math.ceil(high);
      }
      builder.setRange(
          numeric.numNegativeInfinity() > 0 ? Double.NEGATIVE_INFINITY : low,
          numeric.numPositiveInfinity() > 0 ? Double.POSITIVE_INFINITY : high);
    }

    @Override
    public PCollection<DatasetSchema> expand(PCollection<DatasetStatistics> statistics) {
      return statistics
          .apply("InferSchema", MapElements.into(TypeDescriptor.of(DatasetSchema.class)).via(this::from))
          .setCoder(SchemaJson.coder());
    }
  }
}
