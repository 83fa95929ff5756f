package io.tributary.transforms.transform;

import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/**
 * The full pass: all analyzers of a spec fed by one scan of the rows, giving a singleton {@link
 * TransformFn}. Each bundle of rows is folded into one accumulator ({@link FitPerBundle}), and the
 * accumulators are merged by one {@code Combine.globally} ({@link MergeFits}). See {@link
 * Transform#analyze}.
 */
public final class Analyze extends PTransform<PCollection<Row>, PCollection<TransformFn>> {

  private final TransformSpec spec;

  Analyze(TransformSpec spec) {
    this.spec = spec;
  }

  public TransformSpec spec() {
    return spec;
  }

  @Override
  public PCollection<TransformFn> expand(PCollection<Row> rows) {
    if (!rows.hasSchema()) {
      throw new IllegalArgumentException("Transform.analyze needs rows with a schema: call setRowSchema()");
    }
    Schema schema = rows.getSchema();
    spec.outputSchema(schema);
    FitFn fit = new FitFn(spec, schema);
    return rows.apply("FitPerBundle", ParDo.of(new FitPerBundle(fit)))
        .setCoder(fit.getAccumulatorCoder(rows.getPipeline().getCoderRegistry(), rows.getCoder()))
        .apply("Fit", Combine.globally(new MergeFits(fit)))
        .setCoder(TransformFnCoder.of());
  }
}
