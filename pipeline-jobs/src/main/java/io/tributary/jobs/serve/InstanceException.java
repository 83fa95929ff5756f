package io.tributary.jobs.serve;

/**
 * Why one instance of a predict request cannot be scored; the message completes the phrase
 * "instance N ...". A client error (422), reported for that instance alone in partial mode.
 */
final class InstanceException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  InstanceException(String message) {
    super(message, null, false, false);
  }
}
