package io.tributary.transforms.transform;

import io.tributary.transforms.metrics.BundleCounts;
import io.tributary.transforms.transform.Tally.Event;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;

/**
 * Transforms rows with a fitted {@link TransformFn}, through {@link TransformFn#apply(Row, Tally)}:
 * the same code a serving call runs. See {@link Transform#apply}.
 *
 * <p>The output has the spec's output schema. Missing, unseen and out-of-range values are counted
 * (see {@link Transform}) and never fail the pipeline.
 */
public final class ApplyTransform extends PTransform<PCollection<Row>, PCollection<Row>> {

  private final TransformFn fn;
  private final PCollectionView<TransformFn> view;
  private final TransformSpec spec;

  ApplyTransform(TransformFn fn, PCollectionView<TransformFn> view, TransformSpec spec) {
    this.fn = fn;
    this.view = view;
    this.spec = spec;
  }

  @Override
  public PCollection<Row> expand(PCollection<Row> rows) {
    if (!rows.hasSchema()) {
      throw new IllegalArgumentException("Transform.apply needs rows with a schema: call setRowSchema()");
    }
    Schema input = rows.getSchema();
    if (fn != null) {
      checkReads(fn.inputSchema(), input);
      ApplyFn applyFn = new ApplyFn(fn.toJson(), null, null);
      return rows.apply("Apply", ParDo.of(applyFn)).setRowSchema(fn.outputSchema());
    }
    Schema output = spec.outputSchema(input);
    return rows.apply("Apply", ParDo.of(new ApplyFn(null, view, spec)).withSideInputs(view)).setRowSchema(output);
  }

  /** The rows must hold every column the fitted transform reads, with the same type. */
  private static void checkReads(Schema reads, Schema input) {
    for (Schema.Field field : reads.getFields()) {
      if (!input.hasField(field.getName())) {
        throw new IllegalArgumentException(
            "the transform reads column '" + field.getName() + "', which is not in the input; columns are "
                + input.getFieldNames());
      }
      Schema.FieldType actual = input.getField(field.getName()).getType();
      if (!actual.withNullable(true).equals(field.getType().withNullable(true))) {
        throw new IllegalArgumentException(
            "column '" + field.getName() + "' is " + actual.getTypeName() + " but the transform was fitted on "
                + field.getType().getTypeName() + ": convert the column or fit again");
      }
    }
  }

  /** Applies the fitted transform, from its JSON or the side input, counting events. */
  private static final class ApplyFn extends DoFn<Row, Row> {
    private final String json;
    private final PCollectionView<TransformFn> view;
    private final TransformSpec spec;
    private transient TransformFn fixed;
    private transient Map<String, Map<Event, String>> counterNames;
    private transient BundleCounts counts;
    private transient TransformFn checked;

    ApplyFn(String json, PCollectionView<TransformFn> view, TransformSpec spec) {
      this.json = json;
      this.view = view;
      this.spec = spec;
    }

    @Setup
    public void setup() {
      fixed = json == null ? null : TransformFn.fromJson(json);
      counterNames = new HashMap<>();
    }

    @StartBundle
    public void startBundle() {
      counts = new BundleCounts(Transform.METRICS_NAMESPACE);
    }

    @ProcessElement
    public void process(@Element Row row, OutputReceiver<Row> out, ProcessContext context) {
      TransformFn current = fixed != null ? fixed : context.sideInput(view);
      if (current != fixed && current != checked) {
        // The output schema was derived from the spec given at construction: it must be the one fitted.
        if (!current.spec().equals(spec)) {
          throw new IllegalArgumentException(
              "the side input was fitted with another spec than the one given to Transform.apply(view, spec)");
        }
        checked = current;
      }
      out.output(current.apply(row, this::count));
      counts.add(Transform.ROWS_COUNTER);
    }

    @FinishBundle
    public void finishBundle() {
      counts.flush();
    }

    private void count(String feature, Event event) {
      // Keyed by feature, then event: no counter name is built per value (that showed in profiles).
      counts.add(counterNames
          .computeIfAbsent(feature, f -> new EnumMap<>(Event.class))
          .computeIfAbsent(event, e -> e.counterName(feature)));
    }
  }
}
