package io.tributary.jobs.options;

/** A mistake in a command line, reported as one line without a stack trace (exit code 2). */
public final class UsageException extends RuntimeException {

  public UsageException(String message) {
    super(message);
  }
}
