package io.tributary.samples.bench;

import io.tributary.runners.RunnerProfiles;
import io.tributary.transforms.metrics.PipelineCounters;
import io.tributary.transforms.statistics.DatasetStatistics;
import io.tributary.transforms.statistics.Statistics;
import java.nio.file.Path;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;

/**
 * The statistics of a split folder computed by {@code Statistics.generate()} in a Beam pipeline
 * on a runner profile of {@code runners-config} ({@code direct}, {@code flink-local}), exactly as
 * {@code tributary statistics} runs it ({@code Statistics.generate().ofExamples(folder)}) minus the writing of the small JSON result: the row count
 * of the statistics comes back through a Beam counter, so the run can be checked.
 */
final class PipelineStatistics {
  private static final String NAMESPACE = "bench";
  private static final String ROWS = "rows";

  private PipelineStatistics() {}

  /** Runs the pipeline to completion; returns the statistics' row count. */
  static long run(Path split, String profile) {
    String[] args = RunnerProfiles.load(profile, Map.of()).toArray(String[]::new);
    Pipeline pipeline = Pipeline.create(PipelineOptionsFactory.fromArgs(args).create());
    pipeline
        .apply("Statistics", Statistics.generate().ofExamples(split.toString()))
        .apply("Count", ParDo.of(new CountRowsFn()));
    PipelineResult result = pipeline.run();
    PipelineResult.State state = result.waitUntilFinish();
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("the pipeline ended " + state);
    }
    return PipelineCounters.of(result, NAMESPACE).counter(ROWS);
  }

  private static final class CountRowsFn extends DoFn<DatasetStatistics, Void> {
    private static final long serialVersionUID = 1L;
    private final Counter rows = Metrics.counter(NAMESPACE, ROWS);

    @ProcessElement
    public void processElement(@Element DatasetStatistics statistics) {
      rows.inc(statistics.rowCount());
    }
  }
}
