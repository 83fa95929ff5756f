package io.tributary.transforms.transform;

import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;

/** What {@link Transform#fitAndApply} produces: the fitted transform and the transformed rows. */
public final class TransformResult implements POutput {

  private final PCollection<TransformFn> fitted;
  private final PCollection<Row> output;

  TransformResult(PCollection<TransformFn> fitted, PCollection<Row> output) {
    this.fitted = fitted;
    this.output = output;
  }

  /** The singleton fitted transform, to save with {@link TransformFnFiles} or reuse. */
  public PCollection<TransformFn> fitted() {
    return fitted;
  }

  /** The transformed rows, with the spec's output schema. */
  public PCollection<Row> output() {
    return output;
  }

  @Override
  public Pipeline getPipeline() {
    return output.getPipeline();
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    return Map.of(new TupleTag<TransformFn>("fitted"), fitted, new TupleTag<Row>("output"), output);
  }

  @Override
  public void finishSpecifyingOutput(String transformName, PInput input, PTransform<?, ?> transform) {}
}
