package io.tributary.transforms.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.stream.IntStream;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Counts kept per bundle reach the Beam counters with the same totals on every runner. */
@Tag("portable")
@ExtendWith(TestPipelineExtension.class)
class BundleCountsTest {

  private static final String NAMESPACE = "tributary.test";

  /** Passes numbers through, counting the even and the odd ones. */
  private static final class CountParity extends DoFn<Integer, Integer> {
    private transient BundleCounts counts;

    @StartBundle
    public void start() {
      counts = new BundleCounts(NAMESPACE);
    }

    @ProcessElement
    public void process(@Element Integer n, OutputReceiver<Integer> out) {
      counts.add(n % 2 == 0 ? "even" : "odd");
      counts.add("sum", n);
      out.output(n);
    }

    @FinishBundle
    public void finish() {
      counts.flush();
    }
  }

  @Test
  void totalsAreReportedWhenBundlesFinish(TestPipeline p) {
    PCollection<Integer> out =
        p.apply(Create.of(IntStream.range(0, 1001).boxed().toList())).apply(ParDo.of(new CountParity()));
    PAssert.that(out).satisfies(numbers -> {
      assertEquals(1001, java.util.stream.StreamSupport.stream(numbers.spliterator(), false).count());
      return null;
    });
    PipelineResult result = p.run();
    result.waitUntilFinish();
    assertEquals(Map.of("even", 501L, "odd", 500L, "sum", 500_500L), PipelineCounters.of(result, NAMESPACE).byName());
  }
}
