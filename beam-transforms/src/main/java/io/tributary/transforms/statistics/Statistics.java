package io.tributary.transforms.statistics;

import com.google.auto.value.AutoValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Per-feature statistics of a dataset, computed in one pass (TFX's StatisticsGen).
 *
 * <pre>{@code
 * PCollection<Row> train = ...;                       // rows with a Beam schema
 * PCollection<DatasetStatistics> stats =
 *     train.apply(Statistics.generate()
 *         .withDatasetName("penguins").withSplit("train")
 *         .withWeightColumn("weight")                 // optional
 *         .withSlices("species", "island"));          // optional
 * }</pre>
 *
 * <p>For every column: row count, present and missing counts. Numeric columns (INT64, INT32, INT16,
 * BYTE, DOUBLE, FLOAT): min, max, mean, standard deviation, zeros, NaN and infinities, median,
 * quantiles, an equal-width and a quantile histogram ({@link NumericStatistics}). String columns:
 * distinct count, top values, rank histogram, lengths ({@link StringStatistics}). Boolean columns:
 * true and false counts. See those classes for the exact definitions and error bounds.
 *
 * <p>Apply the transform to each split's collection to get statistics per split; write each with
 * {@link StatisticsJson}. Statistics of two spans or runs merge with {@link #merge} without
 * rescanning.
 */
public final class Statistics {
  private Statistics() {}

  /**
   * A transform computing the {@link DatasetStatistics} of its input, one element, also for empty
   * input. Defaults: no weights, no slices, top 20 values, 10 histogram buckets, 100 rank-histogram
   * buckets, empty dataset and split names.
   */
  public static Generate generate() {
    return new AutoValue_Statistics_Generate.Builder()
        .setOptions(StatisticsOptions.defaults())
        .setWeightColumn(null)
        .setSliceColumns(List.of())
        .setDatasetName("")
        .setSplit("")
        .build();
  }

  /**
   * The statistics of the union of the datasets behind {@code a} and {@code b}, from their exact
   * figures and sketches alone. Counts, min, max and lengths are exact; mean and standard
   * deviation are exact up to rounding; sketch figures keep their documented error bounds. Slices
   * are matched by column and value. The result takes {@code a}'s name, split and options.
   *
   * @throws IllegalArgumentException if the two have different features or weight columns
   */
  public static DatasetStatistics merge(DatasetStatistics a, DatasetStatistics b) {
    if (!Objects.equals(a.weightColumn(), b.weightColumn())) {
      throw new IllegalArgumentException(
          "cannot merge statistics weighted by "
              + a.weightColumn()
              + " with statistics weighted by "
              + b.weightColumn()
              + ": compute both with the same withWeightColumn()");
    }
    List<String> names = names(a);
    List<FeatureType> types = types(a);
    if (!names.equals(names(b)) || !types.equals(types(b))) {
      throw new IllegalArgumentException(
          "cannot merge statistics of different schemas: "
              + names
              + " "
              + types
              + " and "
              + names(b)
              + " "
              + types(b)
              + "; merge statistics of data with the same columns");
    }
    Set<String> sliceColumns = new LinkedHashSet<>();
    List<KV<KV<String, String>, StatisticsAccumulator>> parts = new ArrayList<>();
    for (DatasetStatistics statistics : List.of(a, b)) {
      parts.add(
          KV.of(
              AssembleStatisticsFn.OVERALL,
              StatisticsAccumulator.fromStatistics(statistics.overall())));
      for (SliceStatistics slice : statistics.slices()) {
        sliceColumns.add(slice.column());
        parts.add(
            KV.of(
                KV.of(slice.column(), slice.value()), StatisticsAccumulator.fromStatistics(slice)));
      }
    }
    return new AssembleStatisticsFn(
            a.name(),
            a.split(),
            a.weightColumn(),
            a.options(),
            names,
            types,
            new ArrayList<>(sliceColumns))
        .assemble(parts);
  }

  private static List<String> names(DatasetStatistics statistics) {
    return statistics.overall().features().stream()
        .map(FeatureStatistics::name)
        .collect(Collectors.toList());
  }

  private static List<FeatureType> types(DatasetStatistics statistics) {
    return statistics.overall().features().stream()
        .map(FeatureStatistics::type)
        .collect(Collectors.toList());
  }

  /** The transform returned by {@link #generate()}; configure it with the {@code with} methods. */
  @AutoValue
  public abstract static class Generate
      extends PTransform<PCollection<Row>, PCollection<DatasetStatistics>> {
    private static final long serialVersionUID = 1L;

    abstract StatisticsOptions options();

    abstract @Nullable String weightColumn();

    abstract List<String> sliceColumns();

    abstract String datasetName();

    abstract String split();

    abstract Builder toBuilder();

    /** Reports the {@code k} most frequent values of each string feature (default 20). */
    public Generate withTopK(int k) {
      return withOptions(StatisticsOptions.of(k, options().histogramBuckets(), rankBuckets()));
    }

    /** Uses {@code n} buckets for both numeric histograms and {@code n + 1} quantiles (default 10). */
    public Generate withHistogramBuckets(int n) {
      return withOptions(StatisticsOptions.of(options().topK(), n, rankBuckets()));
    }

    /** Reports the {@code n} most frequent values of each string feature by rank (default 100). */
    public Generate withRankHistogramBuckets(int n) {
      return withOptions(StatisticsOptions.of(options().topK(), options().histogramBuckets(), n));
    }

    private int rankBuckets() {
      return options().rankHistogramBuckets();
    }

    private Generate withOptions(StatisticsOptions options) {
      return toBuilder().setOptions(options).build();
    }

    /**
     * Weighs each row by this numeric column: adds weighted row and present counts, weighted means
     * and weighted top values. Missing, NaN, infinite and negative weights count as 0.
     */
    public Generate withWeightColumn(String column) {
      checkName(column, "withWeightColumn(column)");
      return toBuilder().setWeightColumn(column).build();
    }

    /**
     * Also computes statistics per value of each of these columns (each column on its own, not
     * their combinations): one slice per distinct value, plus one for rows where it is missing.
     * Name STRING, BOOLEAN or integer columns of few distinct values.
     */
    public Generate withSlices(String... columns) {
      List<String> list = Arrays.asList(columns);
      list.forEach(column -> checkName(column, "withSlices(columns)"));
      if (new LinkedHashSet<>(list).size() != list.size()) {
        throw new IllegalArgumentException(
            "withSlices(" + list + ") names a column twice; name each column once");
      }
      return toBuilder().setSliceColumns(List.copyOf(list)).build();
    }

    /** Records the dataset's name in the statistics (default empty). */
    public Generate withDatasetName(String name) {
      checkName(name, "withDatasetName(name)");
      return toBuilder().setDatasetName(name).build();
    }

    /** Records the split's name in the statistics (default empty). */
    public Generate withSplit(String split) {
      checkName(split, "withSplit(split)");
      return toBuilder().setSplit(split).build();
    }

    /**
     * The same statistics computed in plain Java, without a pipeline, by the very accumulators
     * the transform combines: for one in-memory batch at serving time, a test oracle, or the
     * single-threaded baseline of a benchmark. The schema is checked as {@link #expand} checks it.
     *
     * <pre>{@code
     * StatisticsCollector collector = Statistics.generate().withSlices("species").collector(schema);
     * rows.forEach(collector::add);
     * DatasetStatistics statistics = collector.result();
     * }</pre>
     */
    public StatisticsCollector collector(Schema schema) {
      int[] sliceIndexes = sliceIndexes(schema);
      return new StatisticsCollector(
          new SliceAccumulators(
              sliceCombineFn(schema),
              sliceIndexes,
              SliceAccumulators.sliceNames(sliceIndexes, schema.getFieldNames())),
          assembler(schema));
    }

    /**
     * The same statistics of a split folder of examples ({@code ExamplesIO}), computed as the
     * folder is read: the rows of each split of its files are accumulated in the reader, so no row
     * becomes an element of the pipeline. This is how {@code tributary statistics} reads examples:
     * memory stays flat on every runner, the DirectRunner included, and the runner costs nothing
     * per row. The folder's schema is read, and checked as {@link #expand} checks it, when the
     * pipeline is built.
     *
     * <pre>{@code
     * PCollection<DatasetStatistics> stats =
     *     pipeline.apply(Statistics.generate().withSplit("train").ofExamples("out/Split-train"));
     * }</pre>
     */
    public PTransform<PBegin, PCollection<DatasetStatistics>> ofExamples(String splitFolder) {
      if (splitFolder == null || splitFolder.isBlank()) {
        throw new IllegalArgumentException("ofExamples(folder): name a split folder, e.g. out/Split-train");
      }
      return new GenerateFromExamples(this, splitFolder);
    }

    /** The whole transform as one combine of rows of {@code schema}, checked as {@link #expand} checks it. */
    StatisticsCombineFn combineFn(Schema schema) {
      int[] sliceIndexes = sliceIndexes(schema);
      return new StatisticsCombineFn(
          sliceCombineFn(schema),
          sliceIndexes,
          SliceAccumulators.sliceNames(sliceIndexes, schema.getFieldNames()),
          assembler(schema));
    }

    private static void checkName(@Nullable String name, String method) {
      if (name == null) {
        throw new IllegalArgumentException(method + ": pass a name, not null");
      }
    }

    @Override
    public PCollection<DatasetStatistics> expand(PCollection<Row> input) {
      if (!input.hasSchema()) {
        throw new IllegalArgumentException(
            "Statistics.generate() needs rows with a schema: call setRowSchema(schema) on the input");
      }
      if (!(input.getWindowingStrategy().getWindowFn() instanceof GlobalWindows)) {
        throw new IllegalArgumentException(
            "Statistics.generate() describes a whole dataset: apply it to rows in the global"
                + " window, before any Window.into()");
      }
      Schema schema = input.getSchema();
      int[] sliceIndexes = sliceIndexes(schema);
      String[] sliceNames = SliceAccumulators.sliceNames(sliceIndexes, schema.getFieldNames());
      // Rows are accumulated per bundle, so that only a few accumulators per slice reach the
      // combine (see AccumulateBundleFn); the combine merges them and derives the figures.
      return input
          .apply(
              "AccumulatePerBundle",
              ParDo.of(new AccumulateBundleFn(sliceCombineFn(schema), sliceIndexes, sliceNames)))
          .setCoder(
              KvCoder.of(AssembleStatisticsFn.sliceKeyCoder(), StatisticsAccumulatorCoder.of()))
          .apply("Assemble", Combine.globally(assembler(schema)))
          .setCoder(DatasetStatisticsCoder.of());
    }

    private SliceCombineFn sliceCombineFn(Schema schema) {
      int weightIndex = weightColumn() == null ? -1 : weightIndex(schema, weightColumn());
      return new SliceCombineFn(types(schema), weightIndex);
    }

    private AssembleStatisticsFn assembler(Schema schema) {
      return new AssembleStatisticsFn(
          datasetName(),
          split(),
          weightColumn(),
          options(),
          schema.getFieldNames(),
          types(schema),
          sliceColumns());
    }

    private static List<FeatureType> types(Schema schema) {
      List<FeatureType> types = new ArrayList<>();
      for (Schema.Field field : schema.getFields()) {
        types.add(FeatureType.of(field.getType()));
      }
      return types;
    }

    private static int weightIndex(Schema schema, String column) {
      if (!schema.hasField(column)) {
        throw new IllegalArgumentException(
            "withWeightColumn(\""
                + column
                + "\"): the input has no such column; name one of "
                + schema.getFieldNames());
      }
      FeatureType type = FeatureType.of(schema.getField(column).getType());
      if (!type.isNumeric()) {
        throw new IllegalArgumentException(
            "withWeightColumn(\""
                + column
                + "\"): the column is "
                + schema.getField(column).getType().getTypeName()
                + "; name a numeric column (INT64, INT32, INT16, BYTE, DOUBLE or FLOAT)");
      }
      return schema.indexOf(column);
    }

    private int[] sliceIndexes(Schema schema) {
      int[] indexes = new int[sliceColumns().size()];
      for (int i = 0; i < indexes.length; i++) {
        String column = sliceColumns().get(i);
        if (!schema.hasField(column)) {
          throw new IllegalArgumentException(
              "withSlices(): the input has no column \""
                  + column
                  + "\"; name columns among "
                  + schema.getFieldNames());
        }
        FeatureType type = FeatureType.of(schema.getField(column).getType());
        if (type != FeatureType.STRING && type != FeatureType.BOOLEAN && type != FeatureType.INT) {
          throw new IllegalArgumentException(
              "withSlices(): column \""
                  + column
                  + "\" is "
                  + schema.getField(column).getType().getTypeName()
                  + ", which would give a slice per value; slice by a STRING, BOOLEAN or integer"
                  + " column (bucketize continuous values first)");
        }
        indexes[i] = schema.indexOf(column);
      }
      return indexes;
    }

    @AutoValue.Builder
    abstract static class Builder {
      abstract Builder setOptions(StatisticsOptions options);

      abstract Builder setWeightColumn(@Nullable String column);

      abstract Builder setSliceColumns(List<String> columns);

      abstract Builder setDatasetName(String name);

      abstract Builder setSplit(String split);

      abstract Generate build();
    }
  }
}
