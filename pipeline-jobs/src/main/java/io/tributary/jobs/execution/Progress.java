package io.tributary.jobs.execution;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** One line per step of a job, prefixed with the job's name: {@code [examplegen] done in 5.2 s}. */
public final class Progress {

  private final String job;
  private final PrintStream out;
  private final long started = System.nanoTime();

  public Progress(String job, PrintStream out) {
    this.job = job;
    this.out = out;
  }

  public void say(String message) {
    out.println("[" + job + "] " + message);
  }

  /**
   * Says {@code "<what>: <n> s so far"} every {@code period} until closed, from a daemon thread: a
   * long step that reports nothing itself (Tribuo trains many trees or epochs without a callback)
   * still shows that it is alive.
   *
   * <pre>{@code
   * try (Progress.Heartbeat beat = progress.heartbeat("training random_forest", Duration.ofSeconds(15))) {
   *   model = trainer.train(dataset);
   * }
   * }</pre>
   */
  public Heartbeat heartbeat(String what, Duration period) {
    long since = System.nanoTime();
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "tributary-heartbeat");
      thread.setDaemon(true);
      return thread;
    });
    timer.scheduleAtFixedRate(() -> say(String.format("%s: %d s so far", what,
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - since))), period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
    return timer::shutdownNow;
  }

  /** Stops a {@link #heartbeat}; closing never fails. */
  public interface Heartbeat extends AutoCloseable {
    @Override
    void close();
  }

  /** Seconds since this job started, for the closing line. */
  public double elapsedSeconds() {
    return (System.nanoTime() - started) / 1e9;
  }
}
