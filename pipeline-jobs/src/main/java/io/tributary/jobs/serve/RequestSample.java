package io.tributary.jobs.serve;

/**
 * Which requests the request log takes at a sample rate: those whose id hashes below the rate.
 * The decision depends on the id alone, so the same id is always in or always out, on any server
 * and after any restart (a client's retry is logged as its first attempt was), and there is no
 * shared random generator for request threads to contend on.
 */
final class RequestSample {

  private static final long ONE = 1L << 53;

  private final long threshold;

  /** The sample at {@code rate}, 0 (none) to 1 (all). */
  RequestSample(double rate) {
    this.threshold = (long) Math.floor(rate * ONE);
  }

  boolean contains(String requestId) {
    return threshold >= ONE || (hash(requestId) >>> 11) < threshold;
  }

  /** FNV-1a over the id's characters, then SplitMix64's finalizer, so that similar ids spread evenly. */
  static long hash(String id) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < id.length(); i++) {
      h = (h ^ id.charAt(i)) * 0x100000001b3L;
    }
    h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
    h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
    return h ^ (h >>> 31);
  }
}
