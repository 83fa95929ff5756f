package io.tributary.transforms.validation;

import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;

/** What {@link Validate#against} produces: the valid records and the errors of the others. */
public final class ValidationResult implements POutput {
  private final PCollection<Row> output;
  private final PCollection<Row> errors;

  ValidationResult(PCollection<Row> output, PCollection<Row> errors) {
    this.output = output;
    this.errors = errors;
  }

  /** The records that pass, unchanged, with the input's schema. */
  public PCollection<Row> output() {
    return output;
  }

  /** One {@link RecordError} per failing record. */
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
