package io.tributary.samples.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One measurement of {@link StatisticsBenchmark}, in a JVM of its own so that its heap peak is its
 * own: computes the statistics of a split folder one way and prints a {@value #PREFIX} line of
 * {@code key=value} figures.
 *
 * <pre>
 * java -cp ... io.tributary.samples.bench.StatisticsRun hand|direct|flink-local SPLIT_FOLDER
 * </pre>
 */
public final class StatisticsRun {
  static final String PREFIX = "statistics-run:";

  private StatisticsRun() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: StatisticsRun hand|direct|flink-local SPLIT_FOLDER");
    }
    String mode = args[0];
    Path split = Path.of(args[1]);
    long rows;
    long nanos;
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    try (HeapSampler heap = HeapSampler.start()) {
      long start = System.nanoTime();
      long cpuStart = os.getProcessCpuTime();
      rows =
          mode.equals(StatisticsBenchmark.HAND_LOOP)
              ? HandLoopStatistics.compute(split).rowCount()
              : PipelineStatistics.run(split, mode);
      nanos = System.nanoTime() - start;
      long cpuNanos = os.getProcessCpuTime() - cpuStart;
      heap.close();
      System.out.println(
          String.format(
              Locale.ROOT,
              "%s mode=%s rows=%d seconds=%.3f cpuSeconds=%.3f peakUsed=%d peakAfterGc=%d",
              PREFIX, mode, rows, nanos / 1e9, cpuNanos / 1e9, heap.peakUsed(), heap.peakAfterGc()));
    }
    // Flink's and Beam's non-daemon threads may linger; the figures are out.
    System.exit(0);
  }
}
