package io.tributary.transforms.metrics;

import org.apache.beam.sdk.transforms.DoFn;

/**
 * Emits each number {@code copies} times and counts with {@link BundleCounts}, in namespace
 * {@value #NAMESPACE}: {@code even} and {@code odd} inputs, their {@code sum}, and {@code outputs}.
 */
final class CountingFn extends DoFn<Integer, Integer> {

  static final String NAMESPACE = "tributary.test";

  private final int copies;
  private transient BundleCounts counts;

  CountingFn(int copies) {
    this.copies = copies;
  }

  @StartBundle
  public void start() {
    counts = new BundleCounts(NAMESPACE);
  }

  @ProcessElement
  public void process(@Element Integer n, OutputReceiver<Integer> out) {
    counts.add(n % 2 == 0 ? "even" : "odd");
    counts.add("sum", n);
    for (int i = 0; i < copies; i++) {
      out.output(n);
    }
    counts.add("outputs", copies);
  }

  @FinishBundle
  public void finish() {
    counts.flush();
  }
}
