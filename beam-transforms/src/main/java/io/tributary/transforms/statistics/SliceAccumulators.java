package io.tributary.transforms.statistics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;

/**
 * The accumulators of every slice of the rows added so far: the overall one and one per value of
 * each slice column, keyed as {@link AssembleStatisticsFn} expects. What one bundle of the
 * pipeline, or a {@link StatisticsCollector}, gathers before the slices are merged and assembled.
 */
final class SliceAccumulators {
  private final SliceCombineFn combine;
  private final int[] sliceIndexes;
  private final String[] sliceNames;
  private final StatisticsAccumulator overall;
  private final Map<KV<String, String>, StatisticsAccumulator> slices = new HashMap<>();

  SliceAccumulators(SliceCombineFn combine, int[] sliceIndexes, String[] sliceNames) {
    this.combine = combine;
    this.sliceIndexes = sliceIndexes;
    this.sliceNames = sliceNames;
    this.overall = combine.createAccumulator();
  }

  /** The names of the columns at {@code sliceIndexes}, as the constructor wants them. */
  static String[] sliceNames(int[] sliceIndexes, List<String> names) {
    String[] sliceNames = new String[sliceIndexes.length];
    for (int i = 0; i < sliceIndexes.length; i++) {
      sliceNames[i] = names.get(sliceIndexes[i]);
    }
    return sliceNames;
  }

  void add(Row row) {
    combine.addInput(overall, row);
    for (int i = 0; i < sliceIndexes.length; i++) {
      KV<String, String> key =
          AssembleStatisticsFn.sliceKey(sliceNames[i], row.getValue(sliceIndexes[i]));
      combine.addInput(slices.computeIfAbsent(key, k -> combine.createAccumulator()), row);
    }
  }

  /**
   * Adds another's accumulators into these, slice by slice. The other's are merged into copies,
   * never kept, so that it may be an element of the pipeline.
   */
  void merge(SliceAccumulators other) {
    overall.merge(other.overall);
    other.slices.forEach(
        (key, accumulator) ->
            slices.computeIfAbsent(key, k -> combine.createAccumulator()).merge(accumulator));
  }

  /** The accumulators {@link #parts()} listed, added to new ones of this combine and slicing. */
  SliceAccumulators withParts(List<KV<KV<String, String>, StatisticsAccumulator>> parts) {
    SliceAccumulators result = new SliceAccumulators(combine, sliceIndexes, sliceNames);
    for (KV<KV<String, String>, StatisticsAccumulator> part : parts) {
      StatisticsAccumulator into =
          AssembleStatisticsFn.OVERALL.equals(part.getKey())
              ? result.overall
              : result.slices.computeIfAbsent(part.getKey(), k -> combine.createAccumulator());
      into.merge(part.getValue());
    }
    return result;
  }

  boolean isEmpty() {
    return overall.rowCount == 0;
  }

  /** The overall accumulator, then one per slice seen. */
  List<KV<KV<String, String>, StatisticsAccumulator>> parts() {
    List<KV<KV<String, String>, StatisticsAccumulator>> parts = new ArrayList<>(1 + slices.size());
    parts.add(KV.of(AssembleStatisticsFn.OVERALL, overall));
    slices.forEach((key, accumulator) -> parts.add(KV.of(key, accumulator)));
    return parts;
  }
}
