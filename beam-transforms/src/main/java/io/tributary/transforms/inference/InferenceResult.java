package io.tributary.transforms.inference;

import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;

/** What {@link BulkInferrer} produces: the scored rows and the rows that could not be scored. */
public final class InferenceResult implements POutput {

  private final PCollection<Row> output;
  private final PCollection<Row> errors;

  InferenceResult(PCollection<Row> output, PCollection<Row> errors) {
    this.output = output;
    this.errors = errors;
  }

  /** Each scored input row with its prediction; schema from {@link PredictionRows#schema}. */
  public PCollection<Row> output() {
    return output;
  }

  /** Rows that could not be scored, as {@link io.tributary.transforms.deadletter.DeadLetter}s. */
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
