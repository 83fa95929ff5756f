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
  private final ReadProvenance provenance;

  ExampleGenResult(Splits splits, PCollection<Row> errors, ReadProvenance provenance) {
    this.splits = splits;
    this.errors = errors;
    this.provenance = provenance;
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

  /** The schema, the inputs' files, span and version. */
  public ReadProvenance provenance() {
    return provenance;
  }

  public Schema schema() {
    return provenance.schema();
  }

  /** See {@link ReadProvenance#columnNames()}. */
  public ColumnNames columnNames() {
    return provenance.columnNames();
  }

  /** How the schema was inferred, or null when it was declared. */
  public InferredSchema inferred() {
    return provenance.inferred();
  }

  public List<ResolvedInput> inputs() {
    return provenance.inputs();
  }

  /** See {@link ReadProvenance#span()}. */
  public Long span() {
    return provenance.span();
  }

  /** See {@link ReadProvenance#version()}. */
  public Long version() {
    return provenance.version();
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
