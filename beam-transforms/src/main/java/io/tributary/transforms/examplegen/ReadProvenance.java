package io.tributary.transforms.examplegen;

import io.tributary.transforms.examples.ColumnNames;
import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.schemas.Schema;

/**
 * What ExampleGen read, for provenance: the rows' schema, how it was inferred (null when
 * declared), and the exact files, span and version of each input.
 */
public record ReadProvenance(Schema schema, InferredSchema inferred, List<ResolvedInput> inputs) {

  public ReadProvenance {
    inputs = List.copyOf(inputs);
  }

  /**
   * Each field's original column name (the CSV header or JSON key it was read from), for {@link
   * io.tributary.transforms.examples.ExamplesIO.Write#withColumnNames}; field names map to
   * themselves when the schema was declared or read from Avro or Parquet.
   */
  public ColumnNames columnNames() {
    return inferred == null ? ColumnNames.of(schema) : inferred.columns();
  }

  /** The span read: the highest span among the inputs, or null when no pattern names spans. */
  public Long span() {
    return inputs.stream().map(ResolvedInput::span).filter(Objects::nonNull).max(Long::compare).orElse(null);
  }

  /** The version read, as for {@link #span()}. */
  public Long version() {
    return inputs.stream().map(ResolvedInput::version).filter(Objects::nonNull).max(Long::compare).orElse(null);
  }
}
