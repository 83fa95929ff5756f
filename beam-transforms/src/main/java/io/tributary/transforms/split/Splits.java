package io.tributary.transforms.split;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;

/** Examples by split name, in the order the splits were declared. */
public final class Splits implements POutput {

  private final Pipeline pipeline;
  private final Map<String, PCollection<Row>> splits;

  private Splits(Pipeline pipeline, Map<String, PCollection<Row>> splits) {
    this.pipeline = pipeline;
    this.splits = Collections.unmodifiableMap(new LinkedHashMap<>(splits));
  }

  public static Splits of(Pipeline pipeline, Map<String, PCollection<Row>> splits) {
    return new Splits(pipeline, splits);
  }

  public List<String> names() {
    return List.copyOf(splits.keySet());
  }

  /** The examples of one split; an unknown name is an error listing the known ones. */
  public PCollection<Row> get(String name) {
    PCollection<Row> split = splits.get(name);
    if (split == null) {
      throw new IllegalArgumentException("no split named '" + name + "'; splits are " + names());
    }
    return split;
  }

  public Map<String, PCollection<Row>> asMap() {
    return splits;
  }

  /** Applies the same transform to every split, e.g. a writer; names the steps by split. */
  public <OutputT extends POutput> Map<String, OutputT> forEach(
      String stepName, java.util.function.Function<String, PTransform<PCollection<Row>, OutputT>> transform) {
    Map<String, OutputT> outputs = new LinkedHashMap<>();
    splits.forEach(
        (name, split) -> outputs.put(name, split.apply(stepName + "/" + name, transform.apply(name))));
    return outputs;
  }

  @Override
  public Pipeline getPipeline() {
    return pipeline;
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    Map<TupleTag<?>, PValue> values = new LinkedHashMap<>();
    splits.forEach((name, split) -> values.put(new TupleTag<Row>(name), split));
    return values;
  }

  @Override
  public void finishSpecifyingOutput(
      String transformName, org.apache.beam.sdk.values.PInput input, PTransform<?, ?> transform) {}
}
