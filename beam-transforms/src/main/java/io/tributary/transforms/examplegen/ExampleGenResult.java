package io.tributary.transforms.examplegen;

import io.tributary.transforms.examples.ColumnNames;
import io.tributary.transforms.split.Splits;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;

/**
 * What {@link ExampleGen} produces: the examples per split, the dead letters, and what was read
 * (the schema, and the exact files, span and version of each input) for provenance.
 */
public final class ExampleGenResult implements POutput {

  private final Splits splits;
  private final PCollection<Row> errors;
  private final Schema schema;
  private final InferredSchema inferred;
  private final List<ResolvedInput> inputs;

  ExampleGenResult(
      Splits splits,
      PCollection<Row> errors,
      Schema schema,
      InferredSchema inferred,
      List<ResolvedInput> inputs) {
    this.splits = splits;
    this.errors = errors;
    this.schema = schema;
    this.inferred = inferred;
    this.inputs = List.copyOf(inputs);
  }

  public Splits splits() {
    return splits;
  }

  public PCollection<Row> split(String name) {
    return splits.get(name);
  }

  /** Dead letters of every input, with {@link io.tributary.transforms.deadletter.DeadLetter#SCHEMA}. */
  public PCollection<Row> errors() {
    return errors;
  }

  public Schema schema() {
    return schema;
  }

  /**
   * Each field's original column name (the CSV header or JSON key it was read from), for {@link
   * io.tributary.transforms.examples.ExamplesIO.Write#withColumnNames}; field names map to
   * themselves when the schema was declared or read from Avro or Parquet.
   */
  public ColumnNames columnNames() {
    return inferred == null ? ColumnNames.of(schema) : inferred.columns();
  }

  /** How the schema was inferred, or null when it was declared. */
  public InferredSchema inferred() {
    return inferred;
  }

  public List<ResolvedInput> inputs() {
    return inputs;
  }

  /** The span read: the highest span among the inputs, or null when no pattern names spans. */
  public Long span() {
    return inputs.stream().map(ResolvedInput::span).filter(java.util.Objects::nonNull).max(Long::compare).orElse(null);
  }

  /** The version read, as for {@link #span()}. */
  public Long version() {
    return inputs.stream().map(ResolvedInput::version).filter(java.util.Objects::nonNull).max(Long::compare).orElse(null);
  }

  @Override
  public Pipeline getPipeline() {
    return errors.getPipeline();
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    Map<TupleTag<?>, PValue> values = new LinkedHashMap<>(splits.expand());
    values.put(new TupleTag<Row>("errors"), errors);
    return values;
  }

  @Override
  public void finishSpecifyingOutput(String transformName, PInput input, PTransform<?, ?> transform) {}
}
