package io.tributary.transforms.statistics;

import java.util.Base64;
import org.apache.datasketches.common.ArrayOfStringsSerDe;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;

/**
 * The DataSketches parameters used by statistics, and the conversions of sketches to and from bytes
 * and base64. Changing a parameter changes the error bounds documented in {@link NumericStatistics}
 * and {@link StringStatistics} and makes new sketches unmergeable with old artifacts' (except KLL
 * and HLL, which merge across sizes).
 */
final class Sketches {
  /** KLL accuracy parameter: ±1.33% rank error (99% confidence). */
  static final int KLL_K = 200;
  /** HLL log2 of the number of buckets: 1.3% relative standard error. */
  static final int HLL_LG_K = 12;
  /** Slots of the frequent-items map; must be a power of two. */
  static final int FREQUENT_ITEMS_MAP_SIZE = 4096;
  /** Distinct values up to which the frequent-items sketch is exact (3/4 of the map). */
  static final int FREQUENT_ITEMS_EXACT_LIMIT = FREQUENT_ITEMS_MAP_SIZE / 4 * 3;
  /** Weight units per 1.0 in the weighted frequent-items sketch, which counts in whole units. */
  static final long WEIGHT_SCALE = 1_000_000L;

  private static final ArrayOfStringsSerDe STRINGS = new ArrayOfStringsSerDe();

  private Sketches() {}

  static KllDoublesSketch newQuantiles() {
    return KllDoublesSketch.newHeapInstance(KLL_K);
  }

  static Union newDistinct() {
    return new Union(HLL_LG_K);
  }

  static ItemsSketch<String> newFrequentItems() {
    return new ItemsSketch<>(FREQUENT_ITEMS_MAP_SIZE);
  }

  static byte[] toBytes(ItemsSketch<String> sketch) {
    return sketch.toByteArray(STRINGS);
  }

  static KllDoublesSketch quantilesFrom(byte[] bytes) {
    return KllDoublesSketch.heapify(Memory.wrap(bytes));
  }

  static Union distinctFrom(byte[] bytes) {
    return Union.heapify(bytes);
  }

  static ItemsSketch<String> frequentItemsFrom(byte[] bytes) {
    return ItemsSketch.getInstance(Memory.wrap(bytes), STRINGS);
  }

  static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  static byte[] unbase64(String text) {
    return Base64.getDecoder().decode(text);
  }
}
