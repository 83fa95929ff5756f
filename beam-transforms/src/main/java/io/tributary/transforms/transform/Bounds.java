package io.tributary.transforms.transform;

/**
 * The upper bound of a size or count a config asks for, checked when the config is read so that a
 * slip ({@code buckets: 2000000000}) is a one-line error before the run, not an out-of-memory
 * error or a run that never ends. Each bound is a documented constant next to the setting it
 * bounds ({@link HashBuckets#MAX_BUCKETS}, ...) and listed in the format docs of its config.
 *
 * <pre>{@code
 * Bounds.atMost("hash buckets", buckets, MAX_BUCKETS, "each bucket is a column of every row");
 * // hash buckets is 2000000000; at most 1000000 (each bucket is a column of every row)
 * }</pre>
 */
public final class Bounds {

  private Bounds() {}

  /** {@code value}, or an {@link IllegalArgumentException} naming the bound and {@code why}. */
  public static long atMost(String what, long value, long max, String why) {
    if (value > max) {
      throw new IllegalArgumentException(what + " is " + value + "; at most " + max + " (" + why + ")");
    }
    return value;
  }
}
