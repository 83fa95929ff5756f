package io.tributary.samples.bench;

import io.tributary.jobs.transform.SaveTransformFn;
import io.tributary.samples.bench.Bench.Timed;
import io.tributary.transforms.examples.ExampleFiles;
import io.tributary.transforms.examples.ExamplesIO;
import io.tributary.transforms.metrics.PipelineCounters;
import io.tributary.transforms.transform.Transform;
import io.tributary.transforms.transform.TransformFn;
import io.tributary.transforms.transform.TransformFnFiles;
import io.tributary.transforms.transform.TransformSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.extensions.avro.schemas.utils.AvroUtils;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.Row;

/**
 * How fast Transform analyzes and applies on the synthetic data, on the DirectRunner and embedded
 * Flink (parallelism 2), next to a hand-written single-threaded loop doing the same work in this
 * JVM: read the Avro files with Avro's {@code DataFileReader}, convert each record to a Beam
 * {@code Row} (what every pipeline step sees), fit with the same analyzers ({@link
 * TransformFn#fit}) and apply with {@link TransformFn#apply(Row)}.
 *
 * <p>Analyze = read + one fitting pass. Transform = read + apply of the fitted transform to every
 * row, the results discarded (writing is the same Avro/Parquet sink every job has, so it is left
 * out of both sides). Rows/s are wall-clock, the median of {@code --runs} runs (default 5), after
 * an unreported warm-up run of the same work (hand loop, and each runner's two pipelines) that lets
 * the JIT compile it; each pipeline's own start-up is included; below each runner's line, the
 * start-up (a near-empty pipeline's wall time) and the rates with it taken out. Rows per
 * CPU-second (all threads of this JVM) show the cost apart from how many cores the machine lent
 * the run. The Beam runs check that they saw every row (the {@code rows} counter, {@code
 * numExamples}).
 *
 * <pre>
 * samples/synthetic/generate.sh --rows=1000000 --format=avro --output=/tmp/syn
 * samples/bench/transform.sh --data=/tmp/syn/Split-train [--runners=direct,flink-local] [--runs=5]
 * </pre>
 *
 * <p>The script runs this class once per runner, each in a JVM of its own that times its own loop:
 * a runner timed after another in one JVM ran slower (see {@code samples/bench/each-runner.sh}).
 *
 * <p>The spec ({@link #SPEC}) exercises every analyzer: mean/variance (z-score with mean
 * imputation), min/max, KLL quantiles, frequent-items vocabularies up to 20,000 distinct values,
 * and stateless hashing of the two high-cardinality columns.
 */
public final class TransformBenchmark {

  /** The spec over the synthetic columns (see {@code SyntheticExamples}). */
  static final String SPEC =
      String.join(
          "\n",
          "features:",
          zScore("num_normal"), zScore("num_uniform"), zScore("num_lognormal"), zScore("num_exponential"),
          zScore("num_outliers"), zScore("num_zero_inflated"), zScore("num_with_nan"), zScore("num_missing"),
          "  - {name: int_count_01, inputs: [int_count], steps: [{op: log1p}, {op: scaleTo01}]}",
          "  - {name: int_age_bucket, inputs: [int_age], steps: [{op: bucketize, quantiles: 10}]}",
          vocabulary("cat_device"), vocabulary("cat_color"), vocabulary("cat_country"), vocabulary("cat_city"),
          vocabulary("cat_missing"), vocabulary("bool_active"), vocabulary("bool_premium"), vocabulary("bool_missing"),
          "  - {name: cat_token_hash, inputs: [cat_token], steps: [{op: hash, buckets: 1024}]}",
          "  - {name: cat_sku_hash, inputs: [cat_sku], steps: [{op: hash, buckets: 4096}]}",
          "passThrough: [label]",
          "drop: [id]",
          "");

  private static String zScore(String column) {
    return "  - {name: " + column + "_z, inputs: [" + column + "], steps: [{op: impute, strategy: mean}, {op: zScore}]}";
  }

  private static String vocabulary(String column) {
    return "  - {name: " + column + "_id, inputs: [" + column + "], steps: [{op: vocabulary, topK: 10000, oovBuckets: 1}]}";
  }

  private final Path data;
  private final TransformSpec spec = TransformSpec.fromYaml(SPEC);
  private final Schema schema;

  private TransformBenchmark(Path data) throws IOException {
    this.data = data;
    this.schema = AvroUtils.toBeamSchema(ExamplesIO.readAvroSchema(data.toString()));
    Bench.requireAvroFiles(data);
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = Bench.options(args, "--data=DIR, --runners=direct,flink-local, --runs=N");
    TransformBenchmark benchmark = new TransformBenchmark(Path.of(options.get("data")).toAbsolutePath());
    benchmark.run(List.of(options.getOrDefault("runners", "direct,flink-local").split(",")), Bench.runs(options));
  }

  private void run(List<String> profiles, int runs) throws IOException {
    System.out.println("warm-up (hand loop, not reported) ...");
    TransformFn fitted = TransformFn.fit(spec, schema, this::rows);
    handApply(fitted);

    Timed<TransformFn> handAnalyze = Bench.median(runs, () -> TransformFn.fit(spec, schema, this::rows));
    Timed<Long> handApply = Bench.median(runs, () -> handApply(fitted));
    long rows = handAnalyze.result().numExamples();
    Path scratch = Files.createTempDirectory("transform-bench");
    System.out.printf("%n%,d rows, %d features (%s), %d cores, median of %d runs%n", rows, spec.features().size(),
        data, Runtime.getRuntime().availableProcessors(), runs);
    System.out.printf("%-22s %28s %28s%n", "", "analyze", "transform");
    System.out.printf("%-22s %28s %28s%n", "", "rows/s  vs hand  rows/cpu-s", "rows/s  vs hand  rows/cpu-s");
    print("hand loop (1 thread)", rows, handAnalyze, handApply, handAnalyze, handApply);
    for (String profile : profiles) {
      Path out = scratch.resolve(Path.of(profile).getFileName().toString());
      warmUp(profile, out.resolveSibling(out.getFileName() + "-warm-up"), fitted, rows);
      Timed<Long> analyze = Bench.median(runs, () -> beamAnalyze(profile, out, rows));
      Timed<Long> apply = Bench.median(runs, () -> beamApply(profile, fitted, rows));
      print(profile, rows, analyze, apply, handAnalyze, handApply);
      double startUp = Bench.startUpSeconds(profile);
      System.out.println(Bench.netOfStartUp(rows, analyze, startUp, handAnalyze) + " (analyze)");
      System.out.println(Bench.netOfStartUp(rows, apply, startUp, handApply) + " (transform)");
    }
  }

  private static void print(String name, long rows, Timed<?> analyze, Timed<?> apply, Timed<?> handAnalyze, Timed<?> handApply) {
    System.out.printf(
        "%-22s %,9.0f %7.2fx %,10.0f %,9.0f %7.2fx %,10.0f%n",
        name,
        rows / analyze.seconds(), handAnalyze.seconds() / analyze.seconds(), rows / analyze.cpuSeconds(),
        rows / apply.seconds(), handApply.seconds() / apply.seconds(), rows / apply.cpuSeconds());
  }

  private long handApply(TransformFn fn) {
    long checksum = 0;
    for (Row row : (Iterable<Row>) this::rows) {
      // Something of every output row must be used, or the JIT could skip the work.
      checksum += fn.apply(row).getValues().size();
    }
    return checksum;
  }

  /** Every row of the split, read the way {@code ExamplesIO.read} reads it, one record at a time. */
  private Iterator<Row> rows() {
    return ExampleFiles.rows(data).iterator();
  }

  /**
   * Runs both passes once, unreported, before timing them: like the hand loop's warm-up, this lets
   * the JIT compile the runner's own per-record code (reader, operators, coders) and pays the
   * runner's one-time start-up in this JVM. (A trivial pipeline, as before, warmed too little: the
   * first runner measured was ~40% slower per row than the same runner measured again later.)
   */
  private void warmUp(String profile, Path scratch, TransformFn fitted, long rows) {
    beamAnalyze(profile, scratch, rows);
    beamApply(profile, fitted, rows);
  }

  private long beamAnalyze(String profile, Path out, long rows) {
    Pipeline pipeline = Bench.pipeline(profile);
    pipeline
        .apply("Read", ExamplesIO.read(data.toString()))
        .apply("Analyze", Transform.analyze(spec))
        .apply("Save", ParDo.of(SaveTransformFn.to(out.toString())));
    Bench.run(pipeline);
    long fitted = TransformFnFiles.read(out.toString()).numExamples();
    if (fitted != rows) {
      throw new IllegalStateException(profile + " fitted on " + fitted + " rows, not " + rows);
    }
    return fitted;
  }

  private long beamApply(String profile, TransformFn fn, long rows) {
    Pipeline pipeline = Bench.pipeline(profile);
    pipeline.apply("Read", ExamplesIO.read(data.toString())).apply("Transform", Transform.apply(fn));
    long counted = PipelineCounters.of(Bench.run(pipeline), Transform.METRICS_NAMESPACE).counter(Transform.ROWS_COUNTER);
    if (counted != rows) {
      throw new IllegalStateException(profile + " transformed " + counted + " rows, not " + rows);
    }
    return counted;
  }
}
