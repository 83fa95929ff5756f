package io.tributary.transforms.statistics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;

/**
 * Computes the statistics of rows added one at a time, in this thread, with the accumulators that
 * {@link Statistics#generate()} combines in a pipeline; made by {@link
 * Statistics.Generate#collector}. The figures are those the transform gives for the same rows (up
 * to the rounding of means, which depends on the order rows are combined in).
 *
 * <p>Not thread-safe: use one per thread and combine their results with {@link Statistics#merge}.
 */
public final class StatisticsCollector {
  private final SliceCombineFn combine;
  private final int[] sliceIndexes;
  private final String[] sliceNames;
  private final AssembleStatisticsFn assemble;
  private final StatisticsAccumulator overall;
  private final Map<KV<String, String>, StatisticsAccumulator> slices = new HashMap<>();

  StatisticsCollector(SliceCombineFn combine, int[] sliceIndexes, List<String> names, AssembleStatisticsFn assemble) {
    this.combine = combine;
    this.sliceIndexes = sliceIndexes;
    this.sliceNames = new String[sliceIndexes.length];
    for (int i = 0; i < sliceIndexes.length; i++) {
      sliceNames[i] = names.get(sliceIndexes[i]);
    }
    this.assemble = assemble;
    this.overall = combine.createAccumulator();
  }

  /** Adds a row of the schema the collector was made for. */
  public void add(Row row) {
    combine.addInput(overall, row);
    for (int i = 0; i < sliceIndexes.length; i++) {
      KV<String, String> key = AssembleStatisticsFn.sliceKey(sliceNames[i], row.getValue(sliceIndexes[i]));
      combine.addInput(slices.computeIfAbsent(key, k -> combine.createAccumulator()), row);
    }
  }

  /** The statistics of the rows added so far; more rows may be added afterwards. */
  public DatasetStatistics result() {
    List<KV<KV<String, String>, StatisticsAccumulator>> parts = new ArrayList<>();
    parts.add(KV.of(AssembleStatisticsFn.OVERALL, overall));
    slices.forEach((key, accumulator) -> parts.add(KV.of(key, accumulator)));
    return assemble.assemble(parts);
  }
}
