package io.tributary.samples.bench;

import com.sun.management.OperatingSystemMXBean;
import io.tributary.jobs.options.JobArguments;
import io.tributary.jobs.options.TributaryOptions;
import io.tributary.jobs.transform.SaveTransformFn;
import io.tributary.transforms.examples.ExamplesIO;
import io.tributary.transforms.transform.Transform;
import io.tributary.transforms.transform.TransformFn;
import io.tributary.transforms.transform.TransformFnFiles;
import io.tributary.transforms.transform.TransformSpec;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.extensions.avro.schemas.utils.AvroUtils;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
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
 * out of both sides). Rows/s are wall-clock, one run each, after an unreported warm-up run of the
 * same work (hand loop, and each runner's two pipelines) that lets the JIT compile it; each
 * pipeline's own start-up is included. Rows per CPU-second
 * (all threads of this JVM) show the cost apart from how many cores the machine lent the run. The Beam runs check that they saw every row (the
 * {@code rows} counter, {@code numExamples}).
 *
 * <pre>
 * samples/synthetic/generate.sh --rows=1000000 --format=avro --output=/tmp/syn
 * samples/bench/transform.sh --data=/tmp/syn/Split-train [--runners=direct,flink-local]
 * </pre>
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
  private final List<File> files;

  private TransformBenchmark(Path data) throws IOException {
    this.data = data;
    this.schema = AvroUtils.toBeamSchema(ExamplesIO.readAvroSchema(data.toString()));
    try (Stream<Path> list = Files.list(data)) {
      this.files = list.filter(p -> p.toString().endsWith(".avro")).sorted().map(Path::toFile).toList();
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException(data + " has no .avro files: generate them with samples/synthetic/generate.sh --format=avro");
    }
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (String arg : args) {
      int equals = arg.indexOf('=');
      if (!arg.startsWith("--") || equals < 0) {
        throw new IllegalArgumentException("options are --name=value: --data=DIR, --runners=direct,flink-local");
      }
      options.put(arg.substring(2, equals), arg.substring(equals + 1));
    }
    if (!options.containsKey("data")) {
      throw new IllegalArgumentException("--data=DIR is required: a split folder of synthetic Avro examples");
    }
    TransformBenchmark benchmark = new TransformBenchmark(Path.of(options.get("data")).toAbsolutePath());
    benchmark.run(List.of(options.getOrDefault("runners", "direct,flink-local").split(",")));
  }

  private void run(List<String> profiles) throws IOException {
    System.out.println("warm-up (hand loop, not reported) ...");
    TransformFn fitted = handAnalyze().result;
    handApply(fitted);

    Timed<TransformFn> handAnalyze = handAnalyze();
    Timed<Long> handApply = handApply(fitted);
    long rows = handAnalyze.result.numExamples();
    Path scratch = Files.createTempDirectory("transform-bench");
    System.out.printf("%n%,d rows, %d features (%s), %d cores%n", rows, spec.features().size(), data,
        Runtime.getRuntime().availableProcessors());
    System.out.printf("%-22s %28s %28s%n", "", "analyze", "transform");
    System.out.printf("%-22s %28s %28s%n", "", "rows/s  vs hand  rows/cpu-s", "rows/s  vs hand  rows/cpu-s");
    print("hand loop (1 thread)", rows, handAnalyze, handApply, handAnalyze, handApply);
    for (String profile : profiles) {
      Path out = scratch.resolve(Path.of(profile).getFileName().toString());
      warmUp(profile, out.resolveSibling(out.getFileName() + "-warm-up"), fitted, rows);
      Timed<Long> analyze = time(() -> beamAnalyze(profile, out, rows));
      Timed<Long> apply = time(() -> beamApply(profile, fitted, rows));
      print(profile, rows, analyze, apply, handAnalyze, handApply);
    }
  }

  private static void print(String name, long rows, Timed<?> analyze, Timed<?> apply, Timed<?> handAnalyze, Timed<?> handApply) {
    System.out.printf(
        "%-22s %,9.0f %7.2fx %,10.0f %,9.0f %7.2fx %,10.0f%n",
        name,
        rows / analyze.seconds, handAnalyze.seconds / analyze.seconds, rows / analyze.cpuSeconds,
        rows / apply.seconds, handApply.seconds / apply.seconds, rows / apply.cpuSeconds);
  }

  /** A result with its wall-clock seconds and the CPU seconds the whole process spent meanwhile. */
  private record Timed<T>(T result, double seconds, double cpuSeconds) {}

  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private static <T> Timed<T> time(Supplier<T> work) {
    long wall = System.nanoTime();
    long cpu = OS.getProcessCpuTime();
    T result = work.get();
    return new Timed<>(result, (System.nanoTime() - wall) / 1e9, (OS.getProcessCpuTime() - cpu) / 1e9);
  }

  private Timed<TransformFn> handAnalyze() {
    return time(() -> TransformFn.fit(spec, schema, this::rows));
  }

  private Timed<Long> handApply(TransformFn fn) {
    return time(
        () -> {
          long checksum = 0;
          for (Row row : (Iterable<Row>) this::rows) {
            // Something of every output row must be used, or the JIT could skip the work.
            checksum += fn.apply(row).getValues().size();
          }
          return checksum;
        });
  }

  /** Every record of every file, as a Row, read lazily file after file. */
  private Iterator<Row> rows() {
    return new Iterator<>() {
      private final Iterator<File> next = files.iterator();
      private final GenericDatumReader<GenericRecord> datum = new GenericDatumReader<>();
      private DataFileReader<GenericRecord> reader;
      private GenericRecord reuse;

      @Override
      public boolean hasNext() {
        try {
          while (reader == null || !reader.hasNext()) {
            if (reader != null) {
              reader.close();
            }
            if (!next.hasNext()) {
              return false;
            }
            reader = new DataFileReader<>(next.next(), datum);
          }
          return true;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        try {
          reuse = reader.next(reuse);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return AvroUtils.toBeamRowStrict(reuse, schema);
      }
    };
  }

  private Pipeline pipeline(String profile) {
    return Pipeline.create(JobArguments.parse(new String[] {"--profile=" + profile}, TributaryOptions.class));
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
    Pipeline pipeline = pipeline(profile);
    pipeline
        .apply("Read", ExamplesIO.read(data.toString()))
        .apply("Analyze", Transform.analyze(spec))
        .apply("Save", ParDo.of(SaveTransformFn.to(out.toString())));
    run(pipeline);
    long fitted = TransformFnFiles.read(out.toString()).numExamples();
    if (fitted != rows) {
      throw new IllegalStateException(profile + " fitted on " + fitted + " rows, not " + rows);
    }
    return fitted;
  }

  private long beamApply(String profile, TransformFn fn, long rows) {
    Pipeline pipeline = pipeline(profile);
    pipeline.apply("Read", ExamplesIO.read(data.toString())).apply("Transform", Transform.apply(fn));
    PipelineResult result = run(pipeline);
    long counted = 0;
    for (MetricResult<Long> counter :
        result.metrics().queryMetrics(MetricsFilter.builder()
            .addNameFilter(MetricNameFilter.named(Transform.METRICS_NAMESPACE, Transform.ROWS_COUNTER)).build())
            .getCounters()) {
      counted += counter.getAttempted();
    }
    if (counted != rows) {
      throw new IllegalStateException(profile + " transformed " + counted + " rows, not " + rows);
    }
    return counted;
  }

  private static PipelineResult run(Pipeline pipeline) {
    PipelineResult result = pipeline.run();
    PipelineResult.State state = result.waitUntilFinish();
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("the pipeline ended " + state);
    }
    return result;
  }
}
