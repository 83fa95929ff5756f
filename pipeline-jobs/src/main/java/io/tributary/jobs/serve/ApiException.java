package io.tributary.jobs.serve;

/**
 * A request the server answers with an error status and {@code {"error": message}}: 4xx for
 * what the client can fix, 503 while nothing can serve it yet. The message names the fix.
 */
final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String allow;

  ApiException(int status, String message) {
    this(status, message, null);
  }

  private ApiException(int status, String message, String allow) {
    super(message, null, false, false);
    this.status = status;
    this.allow = allow;
  }

  /** 405: the path exists but answers only {@code allowed}. */
  static ApiException methodNotAllowed(String method, String path, String allowed) {
    return new ApiException(405, method + " " + path + " is not supported: use " + allowed, allowed);
  }

  int status() {
    return status;
  }

  /** The {@code Allow} header of a 405, else null. */
  String allow() {
    return allow;
  }
}
