package io.tributary.transforms.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.ParDo;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/** A finished pipeline's counters hold every bundle's counts, on every runner. */
@Tag("portable")
@ExtendWith(TestPipelineExtension.class)
class PipelineCountersTest {

  /**
   * Outputs per input. The DirectRunner checks every output of a bundle for mutation after handing
   * the bundle on: with many outputs, a pipeline ending on these steps is DONE well before their
   * attempted counters include the last bundle's {@code @FinishBundle} counts.
   */
  private static final int FAN_OUT = 20_000;

  @RepeatedTest(5)
  void countsOfTheLastBundleAreRead(TestPipeline p) {
    p.apply(Create.of(1, 2, 3)).apply("FanOut", ParDo.of(new CountingFn(FAN_OUT)));
    p.apply("Other", Create.of(4)).apply("OtherFanOut", ParDo.of(new CountingFn(FAN_OUT)));
    PipelineResult result = p.run();
    result.waitUntilFinish();

    PipelineCounters counters = PipelineCounters.of(result, CountingFn.NAMESPACE);
    assertEquals(Map.of("even", 2L, "odd", 2L, "sum", 10L, "outputs", 4L * FAN_OUT), counters.byName());
    assertEquals(4L * FAN_OUT, counters.counter("outputs"));
    assertEquals(Map.of("even", 1L, "odd", 2L, "sum", 6L, "outputs", 3L * FAN_OUT), counters.countersOfSteps("FanOut"));
    assertEquals(0L, counters.counter("absent"));
    assertEquals(Map.of(), PipelineCounters.of(result, "tributary.none").byName());
    assertEquals(counters.byName(), PipelineCounters.ofNamespacesStartingWith(result, "tributary.te").byName());
  }
}
