package io.tributary.jobs.serve;

import java.time.Duration;

/**
 * How a model version that failed to load is tried again: up to {@code retries} more times,
 * {@code interval} apart, as TF Serving's {@code max_num_load_retries} and {@code
 * load_retry_interval}. A push never reuses a version number, so a version that fails for good
 * (a corrupt file) fails every time; the retries are for what passes (a network file system that
 * was briefly away, memory that was short while another version loaded). Meanwhile, and after
 * the last attempt, the version is reported FAILED and the previous one keeps serving.
 *
 * @param retries attempts after the first; 0 never tries again
 * @param interval the wait after a failed attempt before the next
 */
public record LoadRetries(int retries, Duration interval) {

  public static final LoadRetries DEFAULT = new LoadRetries(5, Duration.ofMinutes(1));

  public LoadRetries {
    if (retries < 0) {
      throw new IllegalArgumentException("--loadRetries=" + retries + ": use 0 (never try a failed version again) or more");
    }
    if (interval == null || interval.isNegative()) {
      throw new IllegalArgumentException("--loadRetrySeconds must not be negative");
    }
  }

  /** Whether a version that has failed {@code attempts} times may be tried again. */
  boolean allowAnother(int attempts) {
    return attempts <= retries;
  }
}
