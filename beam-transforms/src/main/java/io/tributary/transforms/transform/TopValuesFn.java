package io.tributary.transforms.transform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.datasketches.common.ArrayOfStringsSerDe;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.memory.Memory;

/**
 * The most frequent strings, with a DataSketches frequent-items sketch: vocabularies (top-k and a
 * frequency threshold) and the most frequent value for imputation.
 *
 * <pre>{@code
 * // At most 1000 values, each seen at least 5 times, most frequent first.
 * PCollection<TopValuesFn.TopValues> vocab =
 *     categories.apply(Combine.globally(TopValuesFn.of(1000, 5)));
 * }</pre>
 *
 * <p><b>Order.</b> By count, highest first; equal counts by the string's UTF-16 order, so the result
 * never depends on the merge order.
 *
 * <p><b>Accuracy and determinism.</b> Counts are exact while fewer than about {@value
 * #MAX_EXACT_VALUES} distinct values are seen, and then the result depends only on the values, not
 * on their order or how partials merge. Beyond that the sketch keeps the heavy hitters and counts
 * become lower bounds that depend on when the sketch purged, that is on the order; a value is kept
 * only when its guaranteed count reaches the threshold (no false positives).
 */
public final class TopValuesFn extends AnalyzerFn<String, ItemsSketch<String>, TopValuesFn.TopValues> {

  /** The sketch's map size: a power of two, exact up to 3/4 of it. */
  private static final int MAX_MAP_SIZE = 1 << 16;

  /** Distinct values that are still counted exactly. */
  public static final int MAX_EXACT_VALUES = 3 * MAX_MAP_SIZE / 4;

  /** How many values were seen and the kept values, most frequent first. */
  public record TopValues(long count, List<String> values) {}

  private final Integer topK;
  private final long minCount;

  private TopValuesFn(Integer topK, long minCount) {
    this.topK = topK;
    this.minCount = minCount;
  }

  /**
   * @param topK how many values to keep at most, or null for all
   * @param minCount the fewest occurrences a kept value has (1 keeps every value seen)
   */
  public static TopValuesFn of(Integer topK, long minCount) {
    if (topK != null && topK <= 0) {
      throw new IllegalArgumentException("topK must be positive or null for all values, got " + topK);
    }
    if (minCount < 1) {
      throw new IllegalArgumentException("the frequency threshold must be at least 1, got " + minCount);
    }
    return new TopValuesFn(topK, minCount);
  }

  @Override
  public ItemsSketch<String> createAccumulator() {
    return new ItemsSketch<>(MAX_MAP_SIZE);
  }

  @Override
  public ItemsSketch<String> addInput(ItemsSketch<String> sketch, String value) {
    sketch.update(value);
    return sketch;
  }

  @Override
  public ItemsSketch<String> mergeAccumulators(Iterable<ItemsSketch<String>> sketches) {
    ItemsSketch<String> merged = createAccumulator();
    for (ItemsSketch<String> sketch : sketches) {
      merged.merge(sketch);
    }
    return merged;
  }

  @Override
  public TopValues extractOutput(ItemsSketch<String> sketch) {
    List<ItemsSketch.Row<String>> rows = new ArrayList<>();
    if (!sketch.isEmpty()) {
      for (ItemsSketch.Row<String> row : sketch.getFrequentItems(minCount - 1, ErrorType.NO_FALSE_POSITIVES)) {
        if (row.getLowerBound() >= minCount) {
          rows.add(row);
        }
      }
    }
    rows.sort(
        Comparator.comparingLong((ItemsSketch.Row<String> r) -> r.getLowerBound())
            .reversed()
            .thenComparing(ItemsSketch.Row::getItem));
    List<String> values = new ArrayList<>();
    for (ItemsSketch.Row<String> row : rows) {
      if (topK != null && values.size() == topK) {
        break;
      }
      values.add(row.getItem());
    }
    return new TopValues(sketch.getStreamLength(), values);
  }

  @Override
  public Coder<ItemsSketch<String>> accumulatorCoder() {
    return new SketchCoder<>(
        sketch -> sketch.toByteArray(new ArrayOfStringsSerDe()),
        bytes -> ItemsSketch.getInstance(Memory.wrap(bytes), new ArrayOfStringsSerDe()));
  }
}
