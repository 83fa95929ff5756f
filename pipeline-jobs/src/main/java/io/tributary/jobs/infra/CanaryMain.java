package io.tributary.jobs.infra;

import io.tributary.transforms.model.Predictor;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The canary: the {@code main} of the fresh JVM the InfraValidator starts, doing what a model
 * server does at start-up and per request. It loads the model folder (protobuf only, checked
 * against its SHA-256) and the fitted transform with {@link Predictor#load}, sends the canary
 * rows through {@link Predictor#predict(Map)}, each once to check that it is scored, then times
 * predictions as a {@link LatencyProbe} does (a warm-up not timed, then rounds; the gated p99 is the
 * median of the rounds' p99s), and prints one {@link CanaryReport} as JSON on standard output. Anything that goes wrong, loading above all,
 * is reported in the JSON rather than thrown, so the parent can say why.
 *
 * <pre>
 * java -cp &lt;class path&gt; io.tributary.jobs.infra.CanaryMain MODEL_DIR ROWS.jsonl [TRANSFORM_DIR]
 * </pre>
 */
public final class CanaryMain {

  private CanaryMain() {}

  public static void main(String[] args) {
    CanaryReport report;
    try {
      report = serve(args[0], Path.of(args[1]), args.length > 2 ? args[2] : null);
    } catch (Throwable e) { // report even an Error (out of memory, a missing class): the parent needs the reason
      report = CanaryReport.failed("the canary failed: " + describe(e));
    }
    System.out.println(CanaryJson.line(report));
    System.out.flush();
  }

  private static CanaryReport serve(String model, Path rowsFile, String transform) throws Exception {
    List<Map<String, Object>> rows = CanaryJson.readRecords(rowsFile);
    long started = System.nanoTime();
    Predictor predictor;
    try {
      predictor = transform == null ? Predictor.load(model) : Predictor.load(model, transform);
    } catch (RuntimeException e) {
      return CanaryReport.failed("the model did not load in a fresh JVM: " + describe(e));
    }
    double loadMs = (System.nanoTime() - started) / 1e6;
    int failed = 0;
    String firstFailure = null;
    for (int i = 0; i < rows.size(); i++) {
      String error = predictOrNull(predictor, rows.get(i));
      if (error != null) {
        failed++;
        firstFailure = firstFailure == null ? "row " + (i + 1) + ": " + error : firstFailure;
      }
    }
    Latency latency = LatencyProbe.forRows(rows.size())
        .measure(i -> predictOrNull(predictor, rows.get(i)), rows.size(), System::nanoTime);
    return new CanaryReport(true, null, rows.size(), failed, firstFailure, loadMs, latency, heapUsedMb());
  }

  /** Predicts one row; returns its error, or null when it was scored. */
  private static String predictOrNull(Predictor predictor, Map<String, Object> row) {
    try {
      predictor.predict(row);
      return null;
    } catch (RuntimeException e) {
      return describe(e);
    }
  }

  /** Heap still in use after full collections: what the loaded model and the serving path hold. */
  private static double heapUsedMb() {
    for (int i = 0; i < 2; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
  }

  private static String describe(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
