package io.tributary.jobs.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.datasketches.kll.KllDoublesSketch;

/**
 * Request counts and latency quantiles of predict requests, per model, and the request log's
 * counters ({@link RequestLog.Counts}: sampled, dropped, written, ...) when it logs.
 *
 * <p>Counts are kept per model, version and HTTP status; latency (from the request reaching the
 * server to its answer being ready, in milliseconds) in one KLL sketch per model (Apache
 * DataSketches, about 1.3% rank error) with their sum, over answered (2xx) requests since the start. Keys come
 * only from what is loaded, never from raw request text, so a client cannot grow them: a request
 * for an unknown model counts under {@value #UNKNOWN}, one that reached no version under version
 * {@value #NO_VERSION}.
 *
 * <pre>{@code
 * metrics.record("penguin", "2", 200, elapsedNanos, 100);
 * metrics.json();        // {"models":{"penguin":{"requests":[...],"instances":100,"latency_ms":{...}}}}
 * metrics.prometheus();  // tributary_serve_requests_total{model="penguin",version="2",code="200"} 1
 * }</pre>
 */
final class ServeMetrics {

  static final String UNKNOWN = "_unknown";
  static final String NO_VERSION = "-";
  private static final double[] QUANTILES = {0.5, 0.9, 0.99};

  private record Key(String model, String version, int status) {}

  /** Latency figures at one moment, in milliseconds; quantiles in {@link #QUANTILES} order. */
  private record Snapshot(long count, double sum, double[] quantiles, double max) {}

  /** One model's latency sketch and sum. A KLL sketch is not thread-safe; an update is cheap, so a lock is. */
  private static final class Latency {
    private final KllDoublesSketch sketch = KllDoublesSketch.newHeapInstance();
    private double sum;

    synchronized void add(double millis) {
      sketch.update(millis);
      sum += millis;
    }

    synchronized Snapshot snapshot() {
      double[] quantiles = new double[QUANTILES.length];
      for (int i = 0; i < quantiles.length; i++) {
        quantiles[i] = sketch.getQuantile(QUANTILES[i]);
      }
      return new Snapshot(sketch.getN(), sum, quantiles, sketch.getMaxItem());
    }
  }

  private final Map<Key, LongAdder> requests = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> instances = new ConcurrentHashMap<>();
  private final Map<String, Latency> latencies = new ConcurrentHashMap<>();
  private final RequestLog requestLog;

  ServeMetrics() {
    this(RequestLog.OFF);
  }

  /** Metrics that also show {@code requestLog}'s counters (when it logs), as {@code request_log}. */
  ServeMetrics(RequestLog requestLog) {
    this.requestLog = requestLog;
  }

  /** Counts one predict request; its latency too when it was answered. */
  void record(String model, String version, int status, long nanos, int instanceCount) {
    requests.computeIfAbsent(new Key(model, version, status), k -> new LongAdder()).increment();
    if (status / 100 != 2) {
      return;
    }
    instances.computeIfAbsent(model, k -> new LongAdder()).add(instanceCount);
    latencies.computeIfAbsent(model, k -> new Latency()).add(nanos / 1e6);
  }

  /** Every model's figures; {@code only} restricts to one model (null for all). */
  ObjectNode json(String only) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    ObjectNode models = root.putObject("models");
    for (Map.Entry<Key, LongAdder> entry : sorted(requests).entrySet()) {
      Key key = entry.getKey();
      if (only != null && !only.equals(key.model())) {
        continue;
      }
      ObjectNode model = model(models, key.model());
      ((ArrayNode) model.get("requests"))
          .addObject()
          .put("version", key.version())
          .put("code", key.status())
          .put("count", entry.getValue().sum());
    }
    models.fields().forEachRemaining(entry -> {
      String name = entry.getKey();
      ObjectNode model = (ObjectNode) entry.getValue();
      LongAdder count = instances.get(name);
      model.put("instances", count == null ? 0 : count.sum());
      ObjectNode latency = model.putObject("latency_ms");
      Latency figures = latencies.get(name);
      if (figures == null) {
        latency.put("count", 0);
        return;
      }
      Snapshot snapshot = figures.snapshot();
      latency.put("count", snapshot.count());
      for (int i = 0; i < QUANTILES.length; i++) {
        latency.put(quantileName(QUANTILES[i]), snapshot.quantiles()[i]);
      }
      latency.put("max", snapshot.max());
    });
    if (only == null && requestLog.config().enabled()) {
      RequestLog.Counts log = requestLog.counts();
      root.putObject("request_log")
          .put("sampled_requests", log.sampled())
          .put("dropped_requests", log.dropped())
          .put("written_rows", log.written())
          .put("failed_rows", log.failed())
          .put("published_files", log.published())
          .put("deleted_files", log.deleted());
    }
    return root;
  }

  /** The same figures in Prometheus' text format: a counter and a summary per model. */
  String prometheus() {
    StringBuilder out = new StringBuilder();
    out.append("# HELP tributary_serve_requests_total Predict requests by model, version and HTTP status.\n");
    out.append("# TYPE tributary_serve_requests_total counter\n");
    sorted(requests).forEach((key, count) -> out.append(String.format(Locale.ROOT,
        "tributary_serve_requests_total{model=\"%s\",version=\"%s\",code=\"%d\"} %d%n",
        key.model(), key.version(), key.status(), count.sum())));
    out.append("# HELP tributary_serve_instances_total Instances scored in answered predict requests.\n");
    out.append("# TYPE tributary_serve_instances_total counter\n");
    new TreeMap<>(instances).forEach((model, count) -> out.append(String.format(Locale.ROOT,
        "tributary_serve_instances_total{model=\"%s\"} %d%n", model, count.sum())));
    out.append("# HELP tributary_serve_latency_seconds Latency of answered predict requests.\n");
    out.append("# TYPE tributary_serve_latency_seconds summary\n");
    new TreeMap<>(latencies).forEach((model, figures) -> {
      Snapshot snapshot = figures.snapshot();
      for (int i = 0; i < QUANTILES.length; i++) {
        out.append(String.format(Locale.ROOT, "tributary_serve_latency_seconds{model=\"%s\",quantile=\"%s\"} %.6f%n",
            model, QUANTILES[i], snapshot.quantiles()[i] / 1000));
      }
      out.append(String.format(Locale.ROOT, "tributary_serve_latency_seconds_sum{model=\"%s\"} %.6f%n", model, snapshot.sum() / 1000));
      out.append(String.format(Locale.ROOT, "tributary_serve_latency_seconds_count{model=\"%s\"} %d%n", model, snapshot.count()));
    });
    if (requestLog.config().enabled()) {
      RequestLog.Counts log = requestLog.counts();
      counter(out, "request_log_sampled_requests_total", "Predict requests sampled into the request log's queue.", log.sampled());
      counter(out, "request_log_dropped_requests_total", "Sampled predict requests dropped because the request log's queue was full.", log.dropped());
      counter(out, "request_log_written_rows_total", "Instances written to the request log.", log.written());
      counter(out, "request_log_failed_rows_total", "Instances the request log failed to write.", log.failed());
      counter(out, "request_log_published_files_total", "Request log files published into span folders.", log.published());
      counter(out, "request_log_deleted_files_total", "Request log files deleted by --logRetention.", log.deleted());
    }
    return out.toString();
  }

  private static void counter(StringBuilder out, String name, String help, long value) {
    out.append("# HELP tributary_serve_").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE tributary_serve_").append(name).append(" counter\n");
    out.append("tributary_serve_").append(name).append(' ').append(value).append('\n');
  }

  private static ObjectNode model(ObjectNode models, String name) {
    ObjectNode model = (ObjectNode) models.get(name);
    if (model == null) {
      model = models.putObject(name);
      model.putArray("requests");
    }
    return model;
  }

  private static String quantileName(double q) {
    return "p" + Math.round(q * 100);
  }

  private static TreeMap<Key, LongAdder> sorted(Map<Key, LongAdder> counts) {
    TreeMap<Key, LongAdder> sorted = new TreeMap<>(
        Comparator.comparing(Key::model).thenComparing(Key::version).thenComparingInt(Key::status));
    sorted.putAll(counts);
    return sorted;
  }
}
