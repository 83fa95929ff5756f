package io.tributary.samples.bench;

import io.tributary.samples.bench.Bench.Timed;
import io.tributary.transforms.examples.ExampleFiles;
import io.tributary.transforms.examples.ExamplesIO;
import io.tributary.transforms.inference.BulkInferrer;
import io.tributary.transforms.metrics.PipelineCounters;
import io.tributary.transforms.model.ModelFolder;
import io.tributary.transforms.model.Predictor;
import io.tributary.transforms.model.SavedModel;
import io.tributary.transforms.train.Algorithm;
import io.tributary.transforms.train.Trainer;
import io.tributary.transforms.train.TrainerConfig;
import io.tributary.transforms.transform.TransformFn;
import io.tributary.transforms.transform.TransformFnFiles;
import io.tributary.transforms.transform.TransformSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.extensions.avro.schemas.utils.AvroUtils;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;

/**
 * How fast {@link BulkInferrer} scores the synthetic data on the DirectRunner and embedded Flink
 * (parallelism 2), next to a plain single-threaded Tribuo predict loop over the same data in this
 * JVM: read the Avro files with {@code ExampleFiles} (the same record-to-row conversion the pipeline's
 * read uses), and score each row
 * with {@link Predictor#predict(Row)} (the fitted transform, then the model), which is the code
 * the DoFn runs per row.
 *
 * <p>The model is a logistic regression on the synthetic label ({@code low}/{@code mid}/{@code
 * high}) over z-scored numbers and one-hot categories, fitted and trained on the first {@code
 * --train-rows} rows (default 20,000) before any timing. Both sides discard the predictions
 * (writing is the same sink every job has); the Beam runs check the {@code scored} counter equals
 * the rows. Each figure is the median of {@code --runs} runs (default 5) after an unreported run of
 * the same work (loop and each runner).
 * Below each runner's line: its job start-up (a near-empty pipeline's wall time, see {@code
 * Bench.startUpSeconds}) and the rate with it taken out.
 *
 * <pre>
 * samples/synthetic/generate.sh --rows=1000000 --format=avro --output=/tmp/syn
 * samples/bench/inference.sh --data=/tmp/syn/Split-train [--runners=direct,flink-local] [--train-rows=20000] [--runs=5]
 * </pre>
 *
 * <p>The script runs this class once per runner, each in a JVM of its own that times its own loop:
 * a runner timed after another in one JVM ran slower (see {@code samples/bench/each-runner.sh}).
 */
public final class InferenceBenchmark {

  /** Features the model reads: the numeric columns scaled, the low-cardinality categories one-hot. */
  static final String SPEC = String.join("\n",
      "features:",
      scaled("num_normal"), scaled("num_uniform"), scaled("num_lognormal"), scaled("num_exponential"),
      scaled("num_outliers"), scaled("num_zero_inflated"),
      oneHot("cat_device"), oneHot("cat_color"), oneHot("bool_active"), oneHot("bool_premium"),
      "passThrough: [label]",
      "drop: [id, num_with_nan, num_missing, int_count, int_age, cat_country, cat_city, cat_missing, cat_token,"
          + " cat_sku, bool_missing]",
      "");

  private static String scaled(String column) {
    return "  - {name: " + column + "_z, inputs: [" + column + "], steps: [{op: impute, strategy: mean}, {op: zScore}]}";
  }

  private static String oneHot(String column) {
    return "  - {name: " + column + "_onehot, inputs: [" + column + "], steps: [{op: vocabulary, oovBuckets: 1}, {op: oneHot}]}";
  }

  private final Path data;
  private final Schema schema;

  private InferenceBenchmark(Path data) throws Exception {
    this.data = data;
    Bench.requireAvroFiles(data);
    this.schema = AvroUtils.toBeamSchema(ExamplesIO.readAvroSchema(data.toString()));
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options =
        Bench.options(args, "--data=DIR, --runners=direct,flink-local, --train-rows=N, --runs=N");
    InferenceBenchmark benchmark = new InferenceBenchmark(Path.of(options.get("data")).toAbsolutePath());
    benchmark.run(List.of(options.getOrDefault("runners", "direct,flink-local").split(",")),
        Integer.parseInt(options.getOrDefault("train-rows", "20000")), Bench.runs(options));
  }

  private void run(List<String> profiles, int trainRows, int runs) throws Exception {
    Path scratch = Files.createTempDirectory("inference-bench");
    String transformDir = scratch.resolve("transform").toString();
    String modelDir = scratch.resolve("model").toString();
    List<Row> sample = new ArrayList<>();
    for (Iterator<Row> rows = ExampleFiles.rows(data).iterator(); rows.hasNext() && sample.size() < trainRows; ) {
      sample.add(rows.next());
    }
    TransformFn fn = TransformFn.fit(TransformSpec.fromYaml(SPEC), schema, sample::iterator);
    TransformFnFiles.write(fn, transformDir);
    TrainerConfig config = TrainerConfig.builder("label").algorithm(Algorithm.LOGISTIC_REGRESSION)
        .hyperParameter("epochs", 5).seed(1).build();
    SavedModel model = Trainer.of(config).train(fn, transformDir, sample.stream().map(fn::apply).toList());
    ModelFolder.write(model, modelDir);
    Predictor predictor = Predictor.load(modelDir, transformDir);
    System.out.printf("model: %s on %,d rows; scoring %s%n", model.descriptor().algorithm(), sample.size(), data);

    System.out.println("warm-up (hand loop, not reported) ...");
    handLoop(predictor);
    Timed<Long> hand = Bench.median(runs, () -> handLoop(predictor));
    long rows = hand.result();
    System.out.printf("%n%,d rows, %d cores, median of %d runs%n", rows, Runtime.getRuntime().availableProcessors(), runs);
    System.out.printf("%-22s %10s %8s %12s%n", "", "rows/s", "vs loop", "rows/cpu-s");
    print("predict loop (1 thread)", rows, hand, hand);
    for (String profile : profiles) {
      // One unreported run first, as the loop had: the JIT compiles the runner's per-record code and
      // the runner's one-time start-up in this JVM is paid (a trivial pipeline warms too little).
      bulkInfer(profile, modelDir, transformDir, rows);
      Timed<Long> run = Bench.median(runs, () -> bulkInfer(profile, modelDir, transformDir, rows));
      print(profile, rows, run, hand);
      System.out.println(Bench.netOfStartUp(rows, run, Bench.startUpSeconds(profile), hand));
    }
  }

  private static void print(String name, long rows, Timed<?> run, Timed<?> hand) {
    System.out.printf("%-22s %,10.0f %7.2fx %,12.0f%n", name, rows / run.seconds(), hand.seconds() / run.seconds(),
        rows / run.cpuSeconds());
  }

  /** Scores every row; returns how many (a label of each is used, so the JIT cannot drop the work). */
  private long handLoop(Predictor predictor) {
    long rows = 0;
    long checksum = 0;
    for (Iterator<Row> it = ExampleFiles.rows(data).iterator(); it.hasNext(); rows++) {
      checksum += predictor.predict(it.next()).label().length();
    }
    if (checksum == 0) {
      throw new IllegalStateException("no row got a label");
    }
    return rows;
  }

  private long bulkInfer(String profile, String modelDir, String transformDir, long rows) {
    Pipeline pipeline = Bench.pipeline(profile);
    pipeline.apply("Read", ExamplesIO.read(data.toString()))
        .apply("Score", BulkInferrer.of(modelDir).withTransform(transformDir));
    PipelineResult result = Bench.run(pipeline);
    long scored = PipelineCounters.of(result, BulkInferrer.METRICS_NAMESPACE).counter(BulkInferrer.SCORED_COUNTER);
    if (scored != rows) {
      throw new IllegalStateException(profile + " scored " + scored + " rows, not " + rows);
    }
    return scored;
  }
}
