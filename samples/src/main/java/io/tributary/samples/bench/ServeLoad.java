package io.tributary.samples.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.transforms.examples.ExampleFiles;
import io.tributary.jobs.serve.ServeClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;

/**
 * A closed-loop load generator for {@code tributary serve}, meant to run in a process of its own:
 * {@code --connections} threads each send predict requests back to back on a kept-alive HTTP/1.1
 * connection ({@link ServeClient}: no hidden retries) for {@code --seconds}, after {@code --warmup} seconds
 * that are not measured, and it prints requests/s, instances/s and latency quantiles (exact, from
 * every request's latency as the client saw it).
 *
 * <p>With {@code --rate=R} it is an open loop instead: the connections together send R requests a
 * second on a fixed schedule (connection c sends its k-th request at {@code (k * connections + c) / R}
 * seconds), and a request's latency counts from when it was due, not from when it was sent, so a
 * slow answer that delays the next requests shows in their latency too (no coordinated omission).
 *
 * <p>Request bodies are built in advance from the raw rows of an examples split folder (e.g.
 * ExampleGen's {@code Split-eval}): {@code --batch} consecutive rows per request, cycling through
 * the rows. Any answer but 200 counts as an error and is reported with the first one's text.
 *
 * <pre>
 * samples/bench/serve.sh      # trains and publishes the penguin model, serves it, runs this twice
 * ServeLoad --url=http://127.0.0.1:8501 --model=penguin --examples=/tmp/ex/Split-eval \
 *     --batch=100 --seconds=30 [--warmup=5] [--connections=4] [--rate=1000]
 * </pre>
 */
public final class ServeLoad {

  private record Result(long[] latencies, int count, long errors, String firstError) {}

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private ServeLoad() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    URI url = URI.create(required(options, "url"));
    String path = "/v1/models/" + required(options, "model") + ":predict";
    Path examples = Path.of(required(options, "examples"));
    int batch = Integer.parseInt(options.getOrDefault("batch", "1"));
    int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "5"));
    int connections = Integer.parseInt(options.getOrDefault("connections", "4"));
    double rate = Double.parseDouble(options.getOrDefault("rate", "0"));
    List<String> bodies = bodies(ExampleFiles.read(examples), batch);

    run(url, path, bodies, connections, rate, Duration.ofSeconds(warmup));
    List<Result> results = run(url, path, bodies, connections, rate, Duration.ofSeconds(seconds));
    report(results, batch, connections, rate, seconds);
  }

  private static List<Result> run(
      URI url, String path, List<String> bodies, int connections, double rate, Duration length) throws Exception {
    long start = System.nanoTime();
    long end = start + length.toNanos();
    ExecutorService threads = Executors.newFixedThreadPool(connections);
    List<Future<Result>> futures = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      int offset = c;
      Schedule schedule = rate <= 0 ? Schedule.CLOSED : k -> start + Math.round((k * (double) connections + offset) * 1e9 / rate);
      futures.add(threads.submit(() -> load(url, path, bodies, offset, schedule, end)));
    }
    try {
      List<Result> results = new ArrayList<>();
      for (Future<Result> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      threads.shutdownNow();
    }
  }

  /** When a connection's k-th request is due ({@link System#nanoTime()}); {@link #CLOSED}: as soon as the previous one is answered. */
  private interface Schedule {
    Schedule CLOSED = k -> Long.MIN_VALUE;

    long due(long k);
  }

  /** One connection's loop: bounded by {@code end}; a request that fails or times out counts as an error. */
  private static Result load(URI url, String path, List<String> bodies, int offset, Schedule schedule, long end) {
    long[] latencies = new long[1 << 16];
    int count = 0;
    long errors = 0;
    String firstError = null;
    int next = offset;
    try (ServeClient client = new ServeClient(url, REQUEST_TIMEOUT)) {
      for (long k = 0; System.nanoTime() < end; k++) {
        String body = bodies.get(next++ % bodies.size());
        long due = schedule.due(k);
        if (due >= end) {
          break;
        }
        while (System.nanoTime() < due) {
          LockSupport.parkNanos(due - System.nanoTime());
        }
        long start = due == Long.MIN_VALUE ? System.nanoTime() : due;
        String error;
        try {
          ServeClient.Answer answer = client.post(path, body);
          error = answer.status() == 200 ? null : answer.status() + " " + answer.body();
        } catch (IOException e) {
          error = e.toString();
        }
        long took = System.nanoTime() - start;
        if (error != null) {
          errors++;
          firstError = firstError == null ? error : firstError;
          continue;
        }
        if (count == latencies.length) {
          latencies = Arrays.copyOf(latencies, count * 2);
        }
        latencies[count++] = took;
      }
    }
    return new Result(latencies, count, errors, firstError);
  }

  private static void report(List<Result> results, int batch, int connections, double rate, int seconds) {
    int total = results.stream().mapToInt(Result::count).sum();
    long[] all = new long[total];
    int at = 0;
    long errors = 0;
    String firstError = null;
    for (Result result : results) {
      System.arraycopy(result.latencies(), 0, all, at, result.count());
      at += result.count();
      errors += result.errors();
      firstError = firstError == null ? result.firstError() : firstError;
    }
    Arrays.sort(all);
    System.out.printf(Locale.ROOT,
        "batch=%d connections=%d%s seconds=%d: %d requests, %.0f requests/s, %.0f instances/s,"
            + " latency ms p50=%.2f p90=%.2f p99=%.2f max=%.2f, errors=%d%n",
        batch, connections, rate > 0 ? String.format(Locale.ROOT, " rate=%.0f/s", rate) : "", seconds, total, total / (double) seconds, total * (double) batch / seconds,
        quantile(all, 0.5), quantile(all, 0.9), quantile(all, 0.99), total == 0 ? 0 : all[total - 1] / 1e6, errors);
    if (firstError != null) {
      System.out.println("first error: " + firstError);
    }
  }

  private static double quantile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1e6;
  }

  /** Request bodies of {@code batch} raw rows each, cycling through the rows. */
  private static List<String> bodies(List<Row> rows, int batch) {
    ObjectMapper mapper = new ObjectMapper();
    List<String> bodies = new ArrayList<>();
    for (int first = 0; first < rows.size(); first += Math.min(batch, rows.size())) {
      ArrayNode instances = mapper.createArrayNode();
      for (int i = 0; i < batch; i++) {
        Row row = rows.get((first + i) % rows.size());
        ObjectNode instance = instances.addObject();
        for (Schema.Field field : row.getSchema().getFields()) {
          instance.set(field.getName(), mapper.valueToTree(row.getValue(field.getName())));
        }
      }
      bodies.add(mapper.createObjectNode().set("instances", instances).toString());
    }
    return bodies;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      int equals = arg.indexOf('=');
      if (!arg.startsWith("--") || equals < 0) {
        throw new IllegalArgumentException("'" + arg + "' is not an option: write --name=value");
      }
      options.put(arg.substring(2, equals), arg.substring(equals + 1));
    }
    return options;
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }
}
