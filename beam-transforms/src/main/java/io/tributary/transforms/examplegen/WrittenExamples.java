package io.tributary.transforms.examplegen;

import io.tributary.transforms.examples.ShardFile;
import java.util.LinkedHashMap;
import java.util.List;
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
 * What {@link WriteExamples} produces: the data files it published (split, final path, rows), the
 * dead letters, the split names in order, and what was read.
 */
public final class WrittenExamples implements POutput {

  private final PCollection<ShardFile> files;
  private final PCollection<Row> errors;
  private final List<String> splitNames;
  private final ReadProvenance provenance;

  WrittenExamples(
      PCollection<ShardFile> files, PCollection<Row> errors, List<String> splitNames, ReadProvenance provenance) {
    this.files = files;
    this.errors = errors;
    this.splitNames = List.copyOf(splitNames);
    this.provenance = provenance;
  }

  /** The published data files; complete once the pipeline has run. */
  public PCollection<ShardFile> files() {
    return files;
  }

  /** Dead letters of every input, with {@link io.tributary.transforms.deadletter.DeadLetter#SCHEMA}. */
  public PCollection<Row> errors() {
    return errors;
  }

  /** The split folders written, {@code Split-<name>} in this order. */
  public List<String> splitNames() {
    return splitNames;
  }

  public ReadProvenance provenance() {
    return provenance;
  }

  @Override
  public Pipeline getPipeline() {
    return errors.getPipeline();
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    Map<TupleTag<?>, PValue> values = new LinkedHashMap<>();
    values.put(new TupleTag<ShardFile>("files"), files);
    values.put(new TupleTag<Row>("errors"), errors);
    return values;
  }

  @Override
  public void finishSpecifyingOutput(String transformName, PInput input, PTransform<?, ?> transform) {}
}
