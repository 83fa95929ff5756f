package io.tributary.samples.bench;

import com.sun.management.OperatingSystemMXBean;
import io.tributary.jobs.options.JobArguments;
import io.tributary.jobs.options.TributaryOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * What the benchmarks that race a Beam pipeline against a hand-written loop share: options, timing
 * with wall and CPU seconds, and running a pipeline on a runner profile and reading its counters.
 * The loops read rows with {@code ExampleFiles.rows}, the conversion the pipelines' read uses.
 */
final class Bench {

  private Bench() {}

  /** A result with its wall-clock seconds and the CPU seconds the whole process spent meanwhile. */
  record Timed<T>(T result, double seconds, double cpuSeconds) {}

  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  static <T> Timed<T> time(Supplier<T> work) {
    long wall = System.nanoTime();
    long cpu = OS.getProcessCpuTime();
    T result = work.get();
    return new Timed<>(result, (System.nanoTime() - wall) / 1e9, (OS.getProcessCpuTime() - cpu) / 1e9);
  }

  /**
   * The run of median wall time of {@code runs} runs of {@code work}: one run is at the mercy of
   * the machine (two shared cores: a neighbour, the JIT or the collector on the wrong core moves a
   * 4-second run by a tenth), the median of five is not, and every side gets the same treatment.
   * Five rather than three because a runner's per-job code (task set-up, deserialising the
   * operators) keeps the JIT compiling through its first few jobs: on embedded Flink a 1M-row
   * BulkInferrer run used 8.0 CPU-seconds the first time after the warm-up and 6.9–7.3 from the
   * fifth on, while the loop is steady from its first timed run.
   */
  static <T> Timed<T> median(int runs, Supplier<T> work) {
    if (runs < 1) {
      throw new IllegalArgumentException("--runs must be at least 1, not " + runs);
    }
    List<Timed<T>> timed = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      timed.add(time(work));
    }
    timed.sort(Comparator.comparingDouble(Timed::seconds));
    return timed.get(runs / 2);
  }

  /** The {@code --runs=N} option: how many timed runs each figure is the median of (default 5). */
  static int runs(Map<String, String> options) {
    return Integer.parseInt(options.getOrDefault("runs", "5"));
  }

  /** {@code --name=value} arguments; {@code usage} says which exist. */
  static Map<String, String> options(String[] args, String usage) {
    Map<String, String> options = new LinkedHashMap<>();
    for (String arg : args) {
      int equals = arg.indexOf('=');
      if (!arg.startsWith("--") || equals < 0) {
        throw new IllegalArgumentException("options are --name=value: " + usage);
      }
      options.put(arg.substring(2, equals), arg.substring(equals + 1));
    }
    if (!options.containsKey("data")) {
      throw new IllegalArgumentException("--data=DIR is required: a split folder of synthetic Avro examples");
    }
    return options;
  }

  /** Fails, naming the fix, unless the split folder holds Avro examples. */
  static void requireAvroFiles(Path split) throws IOException {
    try (Stream<Path> list = Files.list(split)) {
      if (list.noneMatch(p -> p.toString().endsWith(".avro"))) {
        throw new IllegalArgumentException(split + " has no .avro files: generate them with samples/synthetic/generate.sh --format=avro");
      }
    }
  }

  static Pipeline pipeline(String profile) {
    return Pipeline.create(JobArguments.parse(new String[] {"--profile=" + profile}, TributaryOptions.class));
  }

  static PipelineResult run(Pipeline pipeline) {
    PipelineResult result = pipeline.run();
    PipelineResult.State state = result.waitUntilFinish();
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("the pipeline ended " + state);
    }
    return result;
  }

  /**
   * Wall seconds of a pipeline that does next to nothing on {@code profile}, measured after one
   * unreported run: the fixed cost every job pays to start and stop its runner (on embedded Flink,
   * mostly a new mini-cluster whose RPC system is loaded in a fresh class loader), which the
   * rows/s of a pipeline include.
   */
  static double startUpSeconds(String profile) {
    Supplier<Void> empty = () -> {
      Pipeline pipeline = pipeline(profile);
      pipeline.apply(Create.of(1)).apply(MapElements.into(TypeDescriptors.integers()).via((Integer n) -> n));
      run(pipeline);
      return null;
    };
    empty.get();
    return time(empty).seconds();
  }

  /** The start-up and the rate and ratio to {@code baseline} once the start-up is taken out. */
  static String netOfStartUp(long rows, Timed<?> run, double startUp, Timed<?> baseline) {
    double net = run.seconds() - startUp;
    return String.format("%-22s job start-up %.2f s; without it %,.0f rows/s, %.2fx", "", startUp, rows / net,
        baseline.seconds() / net);
  }
}
