package io.tributary.transforms.transform;

import io.tributary.transforms.examples.ColumnNames;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * The full pass: all analyzers of a spec fed by one scan of the rows, giving a singleton {@link
 * TransformFn}. Each bundle of rows is folded into one accumulator ({@link FitPerBundle}), and the
 * accumulators are merged by one {@code Combine.globally} ({@link MergeFits}). See {@link
 * Transform#analyze}.
 */
public final class Analyze extends PTransform<PCollection<Row>, PCollection<TransformFn>> {

  private final TransformSpec spec;
  private final ColumnNames columnNames;

  Analyze(TransformSpec spec) {
    this(spec, null);
  }

  private Analyze(TransformSpec spec, ColumnNames columnNames) {
    this.spec = spec;
    this.columnNames = columnNames;
  }

  public TransformSpec spec() {
    return spec;
  }

  /**
   * Records the input columns' original names in the fitted transform ({@link
   * TransformFn#columnNames()}), e.g. {@code ExamplesIO.readColumnNames(splitFolder)}.
   */
  public Analyze withColumnNames(ColumnNames names) {
    if (names == null) {
      throw new IllegalArgumentException("withColumnNames(null): pass e.g. ExamplesIO.readColumnNames(folder)");
    }
    return new Analyze(spec, names);
  }

  @Override
  public PCollection<TransformFn> expand(PCollection<Row> rows) {
    if (!rows.hasSchema()) {
      throw new IllegalArgumentException("Transform.analyze needs rows with a schema: call setRowSchema()");
    }
    Schema schema = rows.getSchema();
    spec.outputSchema(schema);
    FitFn fit = new FitFn(spec, schema);
    PCollection<TransformFn> fitted =
        rows.apply("FitPerBundle", ParDo.of(new FitPerBundle(fit)))
            .setCoder(fit.getAccumulatorCoder(rows.getPipeline().getCoderRegistry(), rows.getCoder()))
            .apply("Fit", Combine.globally(new MergeFits(fit)))
            .setCoder(TransformFnCoder.of());
    if (columnNames == null) {
      return fitted;
    }
    ColumnNames names = columnNames;
    return fitted
        .apply(
            "NameColumns",
            MapElements.into(TypeDescriptor.of(TransformFn.class)).via((TransformFn fn) -> fn.withColumnNames(names)))
        .setCoder(TransformFnCoder.of());
  }
}
