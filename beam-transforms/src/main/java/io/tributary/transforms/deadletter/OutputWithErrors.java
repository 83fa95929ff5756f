package io.tributary.transforms.deadletter;

import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;

/**
 * What a transform that can reject input produces: the rows that went through, and one error row
 * per row that did not (a {@link DeadLetter}, or a richer error record of the transform's own).
 *
 * <pre>{@code
 * OutputWithErrors scored = rows.apply(BulkInferrer.of(modelDir));
 * scored.output().apply(ExamplesIO.write(out));
 * scored.errors().apply(DeadLetter.asJsonLines()).apply(TextIO.write().to(errors));
 * }</pre>
 */
public final class OutputWithErrors implements POutput {
  private final PCollection<Row> output;
  private final PCollection<Row> errors;

  private OutputWithErrors(PCollection<Row> output, PCollection<Row> errors) {
    this.output = output;
    this.errors = errors;
  }

  public static OutputWithErrors of(PCollection<Row> output, PCollection<Row> errors) {
    return new OutputWithErrors(output, errors);
  }

  /** The rows that went through, with the transform's output schema. */
  public PCollection<Row> output() {
    return output;
  }

  /** One error row per rejected row; its schema is the transform's (documented there). */
  public PCollection<Row> errors() {
    return errors;
  }

  @Override
  public Pipeline getPipeline() {
    return output.getPipeline();
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    return Map.of(new TupleTag<Row>("output"), output, new TupleTag<Row>("errors"), errors);
  }

  @Override
  public void finishSpecifyingOutput(String transformName, PInput input, PTransform<?, ?> transform) {}
}
