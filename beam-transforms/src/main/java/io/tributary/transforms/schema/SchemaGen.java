package io.tributary.transforms.schema;

import com.google.auto.value.AutoValue;
import io.tributary.transforms.statistics.DatasetStatistics;
import io.tributary.transforms.statistics.FeatureStatistics;
import io.tributary.transforms.statistics.FeatureType;
import io.tributary.transforms.statistics.NumericStatistics;
import io.tributary.transforms.statistics.RankBucket;
import io.tributary.transforms.statistics.StringStatistics;
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
 *
 * <pre>{@code
 * SchemaGen.Infer infer = SchemaGen.infer()
 *     .withMaxDomainSize(50)          // string features with at most 50 values get a domain
 *     .withRangeMargin(0.1)           // numeric ranges widened by 10% of the seen span per side
 *     .withLabel("species");          // the label is absent in SERVING
 * DatasetSchema schema = infer.from(StatisticsJson.read(trainStatisticsJson));
 * SchemaJson.write(schema, dir.resolve(SchemaJson.FILE_NAME));
 *
 * PCollection<DatasetSchema> inPipeline = statistics.apply(infer);
 * }</pre>
 *
 * <p>Per feature (the overall statistics; slices are ignored):
 *
 * <ul>
 *   <li><b>type</b>: the statistics' type.
 *   <li><b>presence</b>: a feature present in every row is required ({@code minFraction} 1.0);
 *       otherwise {@code minFraction} is the share {@code p} of the {@code n} rows where it was
 *       present, less {@value #PRESENCE_STANDARD_ERRORS} standard errors {@code sqrt(p(1 - p) / n)}
 *       and rounded down to 4 decimals, so that another sample of the same data (another split)
 *       passes while a feature that goes missing much more often does not.
 *   <li><b>domain</b> (STRING): the values seen, sorted, when the counts are exact, there are at
 *       most {@code maxDomainSize} distinct values (default {@value #DEFAULT_MAX_DOMAIN_SIZE}; the
 *       statistics' rank histogram must hold them all) and each value was seen twice on average (so
 *       identifiers get no domain).
 *   <li><b>range</b> (INT, FLOAT): {@code [min - m, max + m]} with {@code m = margin × (max -
 *       min)} (default margin {@value #DEFAULT_RANGE_MARGIN}; {@code margin × max(|max|, 1)} when all
 *       values are equal); the lower end stays at or above 0 for data that had no negative value;
 *       integers are rounded outwards; a side where infinity was seen stays unbounded.
 *   <li><b>NaN</b> is allowed if the statistics counted any.
 * </ul>
 *
 * <p>Dataset bounds of the example count are not inferred; set them in the schema by hand.
 */
public final class SchemaGen {
  public static final int DEFAULT_MAX_DOMAIN_SIZE = 100;
  public static final double DEFAULT_RANGE_MARGIN = 0.1;
  /** Standard errors by which the inferred minimum presence of optional features is lowered. */
  public static final double PRESENCE_STANDARD_ERRORS = 3.0;

  private SchemaGen() {}

  /** Schema inference with the defaults above, and no feature absent from any environment. */
  public static Infer infer() {
    return new AutoValue_SchemaGen_Infer(DEFAULT_MAX_DOMAIN_SIZE, DEFAULT_RANGE_MARGIN, Map.of());
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

    /** Gives string features with at most {@code size} distinct values a domain (0: never). */
    public Infer withMaxDomainSize(int size) {
      if (size < 0) {
        throw new IllegalArgumentException("withMaxDomainSize(" + size + "): pass 0 (no domains) or more");
      }
      return new AutoValue_SchemaGen_Infer(size, rangeMargin(), absences());
    }

    /** Widens each side of numeric ranges by this share of the seen span (0: the seen min and max). */
    public Infer withRangeMargin(double margin) {
      if (!(margin >= 0.0) || Double.isInfinite(margin)) {
        throw new IllegalArgumentException("withRangeMargin(" + margin + "): pass a finite share >= 0, e.g. 0.1");
      }
      return new AutoValue_SchemaGen_Infer(maxDomainSize(), margin, absences());
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
      return new AutoValue_SchemaGen_Infer(maxDomainSize(), rangeMargin(), Map.copyOf(copy));
    }

    /**
     * The schema inferred from {@code statistics}.
     *
     * @throws IllegalArgumentException if a feature named in {@link #withAbsentIn} is not in them
     */
    public DatasetSchema from(DatasetStatistics statistics) {
      Set<String> environments = new LinkedHashSet<>(List.of(DatasetSchema.TRAINING, DatasetSchema.SERVING));
      absences().values().forEach(environments::addAll);
      List<FeatureSchema> features = new ArrayList<>();
      for (FeatureStatistics feature : statistics.overall().features()) {
        features.add(feature(feature));
      }
      for (String name : absences().keySet()) {
        if (features.stream().noneMatch(f -> f.name().equals(name))) {
          throw new IllegalArgumentException(
              "withAbsentIn/withLabel names '" + name + "', which is not a feature of these statistics");
        }
      }
      return DatasetSchema.builder()
          .setFeatures(features)
          .setEnvironments(List.copyOf(environments))
          .build();
    }

    private FeatureSchema feature(FeatureStatistics stats) {
      FeatureSchema.Builder builder =
          FeatureSchema.builder(stats.name(), stats.type())
              .setMinFraction(minFraction(stats))
              .setNotInEnvironments(absences().getOrDefault(stats.name(), List.of()));
      if (stats.string() != null) {
        builder.setDomain(domain(stats.string(), stats.numNonMissing()));
      }
      NumericStatistics numeric = stats.numeric();
      if (numeric != null) {
        builder.setNanAllowed(numeric.numNaN() > 0);
        if (!Double.isNaN(numeric.min())) {
          range(builder, numeric, stats.type() == FeatureType.INT);
        }
      }
      return builder.build();
    }

    private static double minFraction(FeatureStatistics stats) {
      if (stats.count() == 0) {
        return 0.0;
      }
      double seen = (double) stats.numNonMissing() / stats.count();
      if (seen >= 1.0) {
        return 1.0;
      }
      // Another sample of the same data sees a share within a few standard errors of this one.
      double slack = PRESENCE_STANDARD_ERRORS * Math.sqrt(seen * (1.0 - seen) / stats.count());
      return Math.floor(Math.max(0.0, seen - slack) * 1e4) / 1e4;
    }

    private List<String> domain(StringStatistics string, long present) {
      long distinct = string.distinctCount();
      boolean small = distinct > 0 && distinct <= maxDomainSize() && distinct <= string.rankHistogram().size();
      if (!string.isExact() || !small || present < 2 * distinct) {
        return null;
      }
      List<String> values = new ArrayList<>();
      for (RankBucket bucket : string.rankHistogram()) {
        values.add(bucket.label());
      }
      values.sort(null);
      return values;
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
