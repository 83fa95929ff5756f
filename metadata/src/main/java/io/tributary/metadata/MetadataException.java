package io.tributary.metadata;

/**
 * Every failure of the metadata store: bad input, an unknown id, a conflicting type, an unreadable
 * or read-only file, an unreachable server.
 *
 * <p>The message is one line meant for a user, and says what to do where there is something to
 * do. When it is thrown from a write, nothing of that write was committed.
 */
public class MetadataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MetadataException(String message) {
    super(message);
  }

  public MetadataException(String message, Throwable cause) {
    super(message, cause);
  }
}
