package io.tributary.transforms.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.stream.IntStream;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Counts kept per bundle reach the Beam counters with the same totals on every runner. */
@Tag("portable")
@ExtendWith(TestPipelineExtension.class)
class BundleCountsTest {

  @Test
  void totalsAreReportedWhenBundlesFinish(TestPipeline p) {
    PCollection<Integer> out =
        p.apply(Create.of(IntStream.range(0, 1001).boxed().toList())).apply(ParDo.of(new CountingFn(1)));
    PAssert.thatSingleton(out.apply(Count.globally())).isEqualTo(1001L);
    PipelineResult result = p.run();
    result.waitUntilFinish();
    assertEquals(
        Map.of("even", 501L, "odd", 500L, "sum", 500_500L, "outputs", 1001L),
        PipelineCounters.of(result, CountingFn.NAMESPACE).byName());
  }
}
