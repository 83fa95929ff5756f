package io.tributary.jobs.serve;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the model server logs the predict requests it answers ({@link RequestLog}): where, which
 * share of requests, in spans of what length, kept how long, published how often, and how many
 * requests may wait for the writer. Off unless a sample rate above 0 is given. Every value is
 * checked when built; a wrong one fails with one line naming the option to fix.
 *
 * <pre>{@code
 * RequestLogConfig log = RequestLogConfig.builder().dir(Path.of("/srv/logs")).sampleRate(0.1).build();
 * ModelServer.start(serveConfig, log, System.out);
 * }</pre>
 *
 * @param dir the folder the log is written to ({@code <dir>/<model>/span-<SPAN>/*.avro}); null when off
 * @param sampleRate the share of predict requests logged, 0 (off) to 1 (all)
 * @param span the length of a span folder ({@link LogSpan})
 * @param retention how long a span folder is kept after its span ended; older ones are deleted
 * @param rollInterval how often the files being written are published (closed and renamed into
 *     their span folder), so logged requests become readable within this time
 * @param queueCapacity the most instances of sampled requests waiting for the writer (which bounds
 *     the memory they hold); a request that would pass it is dropped and counted, never waited for
 */
public record RequestLogConfig(
    Path dir, double sampleRate, Duration span, Duration retention, Duration rollInterval, int queueCapacity) {

  public static final Duration DEFAULT_SPAN = Duration.ofHours(1);
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);
  public static final Duration DEFAULT_ROLL_INTERVAL = Duration.ofMinutes(1);
  public static final int DEFAULT_QUEUE_CAPACITY = 10_000;

  /** No request log: nothing is sampled, nothing written. */
  public static final RequestLogConfig OFF = builder().build();

  public RequestLogConfig {
    if (!(sampleRate >= 0 && sampleRate <= 1)) {
      throw new IllegalArgumentException("--logSampleRate=" + sampleRate + ": give the share of requests to log, 0 (off) to 1 (all)");
    }
    if (sampleRate > 0 && dir == null) {
      throw new IllegalArgumentException("--logSampleRate=" + sampleRate + " needs --logDir: name the folder the request log is written to");
    }
    if (sampleRate == 0 && dir != null) {
      throw new IllegalArgumentException("--logDir is given but --logSampleRate is 0: give the share of requests to log, e.g. --logSampleRate=0.1");
    }
    if (dir != null) {
      dir = dir.toAbsolutePath().normalize();
    }
    if (span == null) {
      throw new IllegalArgumentException("--logSpan is required: e.g. 1h");
    }
    LogSpan.of(span);
    if (retention == null || retention.compareTo(span) < 0) {
      throw new IllegalArgumentException("--logRetention=" + (retention == null ? "" : DurationText.format(retention))
          + " is shorter than --logSpan=" + DurationText.format(span) + ": keep at least one span, e.g. --logRetention=7d");
    }
    if (rollInterval == null || rollInterval.toMillis() < 100 || rollInterval.compareTo(span) > 0) {
      throw new IllegalArgumentException("--logRollSeconds must be at least 0.1 and at most the span ("
          + DurationText.format(span) + ")");
    }
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("--logQueueSize=" + queueCapacity + ": allow at least 1 instance to wait for the writer");
    }
  }

  /** Whether requests are logged at all. */
  public boolean enabled() {
    return sampleRate > 0;
  }

  /** A builder with every default set: off until {@code dir} and {@code sampleRate} are given. */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects the settings; {@link #build()} checks them. */
  public static final class Builder {
    private Path dir;
    private double sampleRate;
    private Duration span = DEFAULT_SPAN;
    private Duration retention = DEFAULT_RETENTION;
    private Duration rollInterval = DEFAULT_ROLL_INTERVAL;
    private int queueCapacity = DEFAULT_QUEUE_CAPACITY;

    private Builder() {}

    public Builder dir(Path dir) {
      this.dir = dir;
      return this;
    }

    public Builder sampleRate(double sampleRate) {
      this.sampleRate = sampleRate;
      return this;
    }

    public Builder span(Duration span) {
      this.span = span;
      return this;
    }

    public Builder retention(Duration retention) {
      this.retention = retention;
      return this;
    }

    public Builder rollInterval(Duration rollInterval) {
      this.rollInterval = rollInterval;
      return this;
    }

    public Builder queueCapacity(int queueCapacity) {
      this.queueCapacity = queueCapacity;
      return this;
    }

    public RequestLogConfig build() {
      return new RequestLogConfig(dir, sampleRate, span, retention, rollInterval, queueCapacity);
    }
  }
}
