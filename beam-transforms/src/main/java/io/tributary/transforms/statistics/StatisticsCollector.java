package io.tributary.transforms.statistics;

import org.apache.beam.sdk.values.Row;

/**
 * Computes the statistics of rows added one at a time, in this thread, with the accumulators that
 * {@link Statistics#generate()} combines in a pipeline; made by {@link
 * Statistics.Generate#collector}. The figures are those the transform gives for the same rows (up
 * to the rounding of means and the randomness of quantile sketches, which depend on the order rows
 * are combined in).
 *
 * <p>Not thread-safe: use one per thread and combine their results with {@link Statistics#merge}.
 */
public final class StatisticsCollector {
  private final SliceAccumulators accumulators;
  private final AssembleStatisticsFn assemble;

  StatisticsCollector(SliceAccumulators accumulators, AssembleStatisticsFn assemble) {
    this.accumulators = accumulators;
    this.assemble = assemble;
  }

  /** Adds a row of the schema the collector was made for. */
  public void add(Row row) {
    accumulators.add(row);
  }

  /** The statistics of the rows added so far; more rows may be added afterwards. */
  public DatasetStatistics result() {
    return assemble.assemble(accumulators.parts());
  }
}
