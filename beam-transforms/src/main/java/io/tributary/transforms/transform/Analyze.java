package io.tributary.transforms.transform;

import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/**
 * The full pass: all analyzers of a spec in one {@code Combine.globally} over the rows, giving a
 * singleton {@link TransformFn}. See {@link Transform#analyze}.
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
    return rows.apply("Fit", Combine.globally(new FitFn(spec, schema))).setCoder(TransformFnCoder.of());
  }
}
