package io.tributary.transforms.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/** A finished pipeline's counters hold every bundle's counts, on every runner. */
@Tag("portable")
@ExtendWith(TestPipelineExtension.class)
class PipelineCountersTest {

  private static final String NAMESPACE = "tributary.test";
  private static final int FAN_OUT = 20_000;

  /**
   * Emits {@value #FAN_OUT} numbers per input and counts in {@code @FinishBundle}. The DirectRunner
   * checks every output of a bundle for mutation after handing the bundle on: with many outputs, a
   * pipeline ending on this step is DONE well before the step's attempted counters include its last
   * bundle.
   */
  private static final class FanOut extends DoFn<Integer, Integer> {
    private transient BundleCounts counts;

    @StartBundle
    public void start() {
      counts = new BundleCounts(NAMESPACE);
    }

    @ProcessElement
    public void process(@Element Integer n, OutputReceiver<Integer> out) {
      for (int i = 0; i < FAN_OUT; i++) {
        out.output(i);
      }
      counts.add("inputs");
      counts.add("outputs", FAN_OUT);
    }

    @FinishBundle
    public void finish() {
      counts.flush();
    }
  }

  @RepeatedTest(5)
  void countsOfTheLastBundleAreRead(TestPipeline p) {
    p.apply(Create.of(1, 2, 3)).apply("FanOut", ParDo.of(new FanOut()));
    p.apply("Other", Create.of(4)).apply("OtherFanOut", ParDo.of(new FanOut()));
    PipelineResult result = p.run();
    result.waitUntilFinish();

    PipelineCounters counters = PipelineCounters.of(result, NAMESPACE);
    assertEquals(Map.of("inputs", 4L, "outputs", 4L * FAN_OUT), counters.byName());
    assertEquals(4L, counters.counter("inputs"));
    assertEquals(Map.of("inputs", 3L, "outputs", 3L * FAN_OUT), counters.countersOfSteps("FanOut"));
    assertEquals(0L, counters.counter("absent"));
    assertEquals(Map.of(), PipelineCounters.of(result, "tributary.none").byName());
    assertEquals(counters.byName(), PipelineCounters.ofNamespacesStartingWith(result, "tributary.te").byName());
  }
}
