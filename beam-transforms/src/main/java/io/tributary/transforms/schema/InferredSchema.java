package io.tributary.transforms.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * A schema with the notes of how it was made: why a string feature got no domain, what a check
 * against held-out data relaxed. Written next to {@code schema.json} and printed by SchemaGen, so
 * that a person curating the schema sees the reasons.
 *
 * <pre>{@code
 * InferredSchema inferred = SchemaGen.infer().withLabel("species").inference(trainStatistics);
 * inferred.notes().forEach(System.out::println);   // "date: no domain: the values look like dates"
 * }</pre>
 *
 * @param schema the schema
 * @param notes one sentence each, feature first
 */
public record InferredSchema(DatasetSchema schema, List<String> notes) {

  public InferredSchema {
    notes = List.copyOf(notes);
  }

  /** The same notes and more, with another schema. */
  public InferredSchema with(DatasetSchema changed, List<String> more) {
    List<String> all = new ArrayList<>(notes);
    all.addAll(more);
    return new InferredSchema(changed, all);
  }
}
