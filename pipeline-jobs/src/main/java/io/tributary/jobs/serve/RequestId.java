package io.tributary.jobs.serve;

import java.util.UUID;

/**
 * The id of a predict request: the client's own, given in the {@value #HEADER} header, else one
 * the server makes (a random UUID). Every predict answer carries it in the same header, and the
 * request log stores it, so labels that arrive later can be joined to the logged predictions.
 */
final class RequestId {

  /** The header a client may send its id in, and the answer carries it back in. */
  static final String HEADER = "X-Request-Id";

  static final int MAX_LENGTH = 128;

  private RequestId() {}

  /**
   * The client's id when given, else a new one; a given id must be 1 to {@value #MAX_LENGTH}
   * visible ASCII characters (400 otherwise), so it is safe in a header, a file and a join key.
   */
  static String resolve(String given) {
    if (given == null) {
      return UUID.randomUUID().toString();
    }
    boolean visible = !given.isEmpty() && given.length() <= MAX_LENGTH;
    for (int i = 0; visible && i < given.length(); i++) {
      char c = given.charAt(i);
      visible = c > 0x20 && c < 0x7f;
    }
    if (!visible) {
      throw new ApiException(400, HEADER + " must be 1 to " + MAX_LENGTH
          + " visible ASCII characters (no spaces): send another id, or none and the server makes one");
    }
    return given;
  }
}
