package io.tributary.jobs.execution;

import java.io.PrintStream;

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

  /** Seconds since this job started, for the closing line. */
  public double elapsedSeconds() {
    return (System.nanoTime() - started) / 1e9;
  }
}
