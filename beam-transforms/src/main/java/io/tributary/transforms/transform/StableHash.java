package io.tributary.transforms.transform;

import java.nio.charset.StandardCharsets;
import org.apache.datasketches.hash.MurmurHash3;

/**
 * A hash of text that is the same in every JVM, language and run: MurmurHash3 (x64, 128-bit, first
 * 64 bits) of the UTF-8 bytes, with a seed. {@code String.hashCode} is not used: it is weak and
 * Java-only.
 */
final class StableHash {

  private StableHash() {}

  /** The bucket of {@code text} among {@code buckets}, in {@code [0, buckets)}. */
  static int bucket(String text, long seed, int buckets) {
    long hash = MurmurHash3.hash(text.getBytes(StandardCharsets.UTF_8), seed)[0];
    return (int) Math.floorMod(hash, (long) buckets);
  }
}
