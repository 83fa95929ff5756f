package io.tributary.jobs.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.junit.jupiter.api.Test;

/** What the flink-local profile promises a batch job: the DataStream API, and both workers at once. */
class FlinkLocalProfileTest {

  /** Both workers of the step must have started before either may go on; 30 s is ample for that. */
  private static final CyclicBarrier BOTH_WORKERS = new CyclicBarrier(2);
  private static final AtomicInteger MET = new AtomicInteger();

  /** Waits at {@link #BOTH_WORKERS} as it starts and counts the workers that met the other one. */
  private static final class MeetTheOtherWorker extends DoFn<Integer, Integer> {
    @Setup
    public void meet() throws InterruptedException {
      try {
        BOTH_WORKERS.await(30, TimeUnit.SECONDS);
        MET.incrementAndGet();
      } catch (TimeoutException | BrokenBarrierException alone) {
        // Only one worker ran at a time: the assertion below reports it.
      }
    }

    @ProcessElement
    public void process(@Element Integer n, OutputReceiver<Integer> out) {
      out.output(n);
    }
  }

  @Test
  void runsBatchJobsOnTheDataStreamApiWithATaskSlotPerWorker() throws Exception {
    FlinkPipelineOptions options = JobArguments.parse(new String[] {"--profile=flink-local"}, TributaryOptions.class)
        .as(FlinkPipelineOptions.class);
    assertTrue(options.getUseDataStreamForBatch());
    assertEquals(2, options.getParallelism());
    String yaml = Files.readString(Path.of(options.getFlinkConfDir()).resolve("config.yaml"));
    assertTrue(yaml.contains("taskmanager.numberOfTaskSlots: 2\n"), yaml);

    Pipeline pipeline = Pipeline.create(options);
    pipeline.apply(Create.of(1, 2, 3, 4)).apply(ParDo.of(new MeetTheOtherWorker()));
    assertEquals(PipelineResult.State.DONE, pipeline.run().waitUntilFinish());
    assertEquals(2, MET.get(), "both workers of the step ran at the same time");
  }
}
