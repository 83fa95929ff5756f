package io.tributary.jobs.artifacts;

import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;

/** Reads a finished job's Beam counters, the same way on every runner. */
public final class JobMetrics {

  private final MetricQueryResults results;

  private JobMetrics(MetricQueryResults results) {
    this.results = results;
  }

  public static JobMetrics of(PipelineResult result, String namespace) {
    return new JobMetrics(
        result
            .metrics()
            .queryMetrics(
                MetricsFilter.builder().addNameFilter(MetricNameFilter.inNamespace(namespace)).build()));
  }

  /**
   * A counter summed over the steps that report it, 0 when none did. Attempted values are used:
   * every runner reports them, and a batch job that finished has no retried work left in them.
   */
  public long counter(String name) {
    long total = 0;
    for (MetricResult<Long> counter : results.getCounters()) {
      if (counter.getName().getName().equals(name)) {
        total += counter.getAttempted();
      }
    }
    return total;
  }

  /**
   * Every counter reported by the steps whose full name starts with {@code stepPrefix} (e.g.
   * {@code "Transform-eval/"}), summed by counter name and sorted by it: how a job that runs the
   * same transform on several splits tells the splits' counters apart.
   */
  public Map<String, Long> countersOfSteps(String stepPrefix) {
    Map<String, Long> totals = new TreeMap<>();
    for (MetricResult<Long> counter : results.getCounters()) {
      if (counter.getKey().stepName().startsWith(stepPrefix)) {
        totals.merge(counter.getName().getName(), counter.getAttempted(), Long::sum);
      }
    }
    return totals;
  }
}
