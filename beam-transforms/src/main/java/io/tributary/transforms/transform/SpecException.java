package io.tributary.transforms.transform;

/**
 * A mistake in a spec or config file, with the line it is on (0 when unknown), so a caller that
 * knows the file can say {@code transform.yaml:7: unknown op 'zscore'; did you mean 'zScore'?}.
 *
 * <p>{@link #getMessage()} is {@code line 7: reason} (or the reason alone); {@link #reason()} is
 * the text without the location.
 */
public final class SpecException extends IllegalArgumentException {

  private final int line;
  private final String reason;

  public SpecException(int line, String reason, Throwable cause) {
    super(line > 0 ? "line " + line + ": " + reason : reason, cause);
    this.line = line;
    this.reason = reason;
  }

  /** The 1-based line of the mistake, or 0 when unknown. */
  public int line() {
    return line;
  }

  /** What is wrong and how to fix it, without the location. */
  public String reason() {
    return reason;
  }

  /** {@code file:line: reason}, or {@code file: reason} without a line. */
  public String at(String file) {
    return file + (line > 0 ? ":" + line : "") + ": " + reason;
  }
}
