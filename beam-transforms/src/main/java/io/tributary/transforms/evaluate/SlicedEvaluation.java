package io.tributary.transforms.evaluate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/**
 * The metrics of every slice of scored rows, in one pass: each row is keyed by the slice of each
 * kind it belongs to, and one {@code Combine.perKey} (lifted, so rows are combined before the
 * shuffle) gives one {@code KV(slice, metrics)} per slice seen. See {@link Evaluate}.
 *
 * <p>Only slices that hold at least one row appear (an empty input gives nothing, not even the
 * overall slice). Rows whose label is missing are counted in {@code unlabelled} of their slices.
 *
 * @param <M> {@link ClassificationMetrics} or {@link RegressionMetrics}
 */
public final class SlicedEvaluation<M extends Metrics> extends PTransform<PCollection<Row>, PCollection<KV<SliceKey, M>>> {

  private final MetricsFn<?, M> metrics;
  private final List<Slice> slices;

  SlicedEvaluation(MetricsFn<?, M> metrics, List<Slice> slices) {
    this.metrics = metrics;
    this.slices = List.copyOf(slices);
  }

  /**
   * Computes the metrics of each of these kinds of slice (replacing the default, {@link
   * Slice#overall()} alone); list the overall slice too to have it.
   */
  public SlicedEvaluation<M> withSlices(Slice... kinds) {
    return withSlices(List.of(kinds));
  }

  /** As {@link #withSlices(Slice...)}. */
  public SlicedEvaluation<M> withSlices(List<Slice> kinds) {
    if (kinds.isEmpty()) {
      throw new IllegalArgumentException("withSlices() needs at least one slice, e.g. Slice.overall()");
    }
    if (new HashSet<>(kinds).size() != kinds.size()) {
      throw new IllegalArgumentException("withSlices(" + kinds + ") lists a slice twice: list each once");
    }
    return new SlicedEvaluation<>(metrics, kinds);
  }

  public List<Slice> slices() {
    return slices;
  }

  @Override
  public PCollection<KV<SliceKey, M>> expand(PCollection<Row> scored) {
    if (!scored.hasSchema()) {
      throw new IllegalArgumentException("Evaluate needs rows with a schema: evaluate BulkInferrer's output");
    }
    Schema schema = scored.getSchema();
    metrics.checkColumns(schema);
    slices.forEach(slice -> slice.check(schema));
    PCollection<KV<SliceKey, Row>> keyed =
        scored
            .apply("KeyBySlice", ParDo.of(new KeyBySliceFn(slices)))
            .setCoder(KvCoder.of(SliceKeyCoder.of(), scored.getCoder()));
    return keyed
        .apply("MetricsPerSlice", Combine.perKey(metrics))
        .setCoder(KvCoder.of(SliceKeyCoder.of(), metrics.metricsCoder()));
  }

  /** Emits a row once per kind of slice, keyed by its slice of that kind. */
  private static final class KeyBySliceFn extends DoFn<Row, KV<SliceKey, Row>> {
    private final List<Slice> slices;

    KeyBySliceFn(List<Slice> slices) {
      this.slices = new ArrayList<>(slices);
    }

    @ProcessElement
    public void process(@Element Row row, OutputReceiver<KV<SliceKey, Row>> out) {
      for (Slice slice : slices) {
        out.output(KV.of(slice.keyOf(row), row));
      }
    }
  }
}
