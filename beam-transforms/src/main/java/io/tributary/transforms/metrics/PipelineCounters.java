package io.tributary.transforms.metrics;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;

/**
 * A pipeline's Beam counters, read the same way on every runner: each step's committed value where
 * the runner keeps one, else its attempted value.
 *
 * <p>Why not simply the attempted values: the DirectRunner adds what a bundle counted in its
 * {@code @FinishBundle} to the attempted value only after it has handed the bundle's output on, so
 * a pipeline can be DONE while the last bundle's counts are still missing from it (a test saw
 * {@code 0} for a counter that was {@code 1}). Its committed value is added before, and {@link
 * BundleCounts} counts in {@code @FinishBundle}. Flink and Spark keep attempted values only, and
 * gather them before the job ends. A batch job that finished has no retried work left in either.
 */
public final class PipelineCounters {

  private final List<MetricResult<Long>> counters;

  private PipelineCounters(List<MetricResult<Long>> counters) {
    this.counters = counters;
  }

  /** The counters of {@code namespace}. */
  public static PipelineCounters of(PipelineResult result, String namespace) {
    return query(result, MetricsFilter.builder().addNameFilter(MetricNameFilter.inNamespace(namespace)).build(),
        counter -> true);
  }

  /** The counters of every namespace that starts with {@code prefix}, e.g. {@code "tributary"}. */
  public static PipelineCounters ofNamespacesStartingWith(PipelineResult result, String prefix) {
    return query(result, MetricsFilter.builder().build(),
        counter -> counter.getName().getNamespace().startsWith(prefix));
  }

  private static PipelineCounters query(
      PipelineResult result, MetricsFilter filter, Predicate<MetricResult<Long>> keep) {
    Iterable<MetricResult<Long>> all = result.metrics().queryMetrics(filter).getCounters();
    return new PipelineCounters(StreamSupport.stream(all.spliterator(), false).filter(keep).toList());
  }

  /** A counter summed over the steps that report it, 0 when none did. */
  public long counter(String name) {
    long total = 0;
    for (MetricResult<Long> counter : counters) {
      if (counter.getName().getName().equals(name)) {
        total += value(counter);
      }
    }
    return total;
  }

  /** Every counter summed over the steps that report it, by name and sorted by it. */
  public Map<String, Long> byName() {
    return countersOfSteps("");
  }

  /**
   * Every counter reported by the steps whose full name starts with {@code stepPrefix} (e.g.
   * {@code "Transform-eval/"}), summed by counter name and sorted by it: how a job that runs the
   * same transform on several splits tells the splits' counters apart.
   */
  public Map<String, Long> countersOfSteps(String stepPrefix) {
    Map<String, Long> totals = new TreeMap<>();
    for (MetricResult<Long> counter : counters) {
      if (counter.getKey().stepName().startsWith(stepPrefix)) {
        totals.merge(counter.getName().getName(), value(counter), Long::sum);
      }
    }
    return totals;
  }

  private static long value(MetricResult<Long> counter) {
    return counter.hasCommitted() ? counter.getCommitted() : counter.getAttempted();
  }
}
