package io.tributary.jobs.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The sampled log of predict requests: each answered request is sampled at {@code --logSampleRate}
 * and handed to a background {@link RequestLogWriter}, which writes its scored instances with their
 * predictions as Avro examples into span folders ExampleGen reads ({@code
 * --input='<logDir>/<model>/span-{SPAN}/*.avro'}).
 *
 * <p>A request never waits for the log: {@link #offer} decides the sample with a hash and puts a
 * reference to the already parsed request and answer in a queue bounded in instances (so in
 * memory, whatever the batch sizes), or, when that many instances are already waiting, drops it
 * and counts the drop ({@link #counts()}, shown in the server's metrics). All the work (reading
 * the instances, building and writing records) happens on the writer's thread.
 *
 * <p>Sampling is by the request id ({@link RequestSample}).
 *
 * <pre>{@code
 * RequestLog log = RequestLog.open(RequestLogConfig.builder().dir(dir).sampleRate(1).build(), System.out);
 * log.offer("penguin", version, request, answer, requestId);   // on the request's thread
 * log.close();                                                  // flushes and publishes every file
 * }</pre>
 */
final class RequestLog implements AutoCloseable {

  /** A request to log: references to what the request thread already built. */
  record Entry(String model, LoadedVersion version, List<JsonNode> instances, JsonNode predictions, String requestId,
      long timeMillis) {}

  /**
   * The log's counters: requests sampled into the queue, requests dropped because it was full,
   * rows written and rows lost to write errors, files published and files deleted by retention.
   */
  record Counts(long sampled, long dropped, long written, long failed, long published, long deleted) {}

  /** The log of a server that logs nothing. */
  static final RequestLog OFF = new RequestLog(RequestLogConfig.OFF, null, null, null);

  private final RequestLogConfig config;
  private final BlockingQueue<Entry> queue;
  private final RequestLogWriter writer;
  private final RequestSample sample;
  private final AtomicLong waiting;
  private final LongAdder sampled = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private volatile boolean closed;

  private RequestLog(RequestLogConfig config, BlockingQueue<Entry> queue, AtomicLong waiting, RequestLogWriter writer) {
    this.config = config;
    this.queue = queue;
    this.waiting = waiting;
    this.writer = writer;
    this.sample = new RequestSample(config.sampleRate());
  }

  /**
   * Starts the log: takes the folder's lock (one server per {@code --logDir}), deletes what a
   * crash left in its {@code .tmp/} folder and spans past retention, and starts the writer.
   * Fails with {@link IllegalArgumentException} when the folder cannot be used.
   */
  static RequestLog open(RequestLogConfig config, PrintStream log) {
    return open(config, log, () -> {});
  }

  /** {@link #open(RequestLogConfig, PrintStream)}, with {@code beforeEachWrite} run on the writer before each request (tests slow it down). */
  static RequestLog open(RequestLogConfig config, PrintStream log, Runnable beforeEachWrite) {
    if (!config.enabled()) {
      return OFF;
    }
    BlockingQueue<Entry> queue = new LinkedBlockingQueue<>();
    AtomicLong waiting = new AtomicLong();
    return new RequestLog(config, queue, waiting, RequestLogWriter.start(config, queue, waiting, log, beforeEachWrite));
  }

  RequestLogConfig config() {
    return config;
  }

  /**
   * Queues an answered request for the log when it is sampled; never blocks: when its instances
   * would take the instances waiting past {@code --logQueueSize}, it is dropped and counted (a
   * request larger than that alone is queued when nothing waits). {@code answer} is the predict
   * answer, whose {@code predictions} are in instance order.
   */
  void offer(String model, LoadedVersion version, PredictRequest request, JsonNode answer, String requestId) {
    if (writer == null || !sample.contains(requestId)) {
      return;
    }
    int instances = request.instances().size();
    long after = waiting.addAndGet(instances);
    if (closed || (after > config.queueCapacity() && after != instances)) {
      waiting.addAndGet(-instances);
      dropped.increment();
      return;
    }
    queue.add(new Entry(model, version, request.instances(), answer.get("predictions"), requestId,
        System.currentTimeMillis()));
    sampled.increment();
  }

  Counts counts() {
    if (writer == null) {
      return new Counts(0, 0, 0, 0, 0, 0);
    }
    return new Counts(sampled.sum(), dropped.sum(), writer.written(), writer.failed(), writer.published(),
        writer.deleted());
  }

  /** Writes what is queued, publishes every open file and releases the folder; waits up to a minute. */
  @Override
  public void close() throws InterruptedException {
    if (writer == null || closed) {
      return;
    }
    closed = true;
    writer.stop(TimeUnit.MINUTES.toMillis(1));
  }
}
