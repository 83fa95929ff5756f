package io.tributary.transforms.examplegen;

import java.io.Serializable;
import java.util.List;

/**
 * An {@link Input} after its pattern was matched: the exact files to read, sorted, and the span
 * and version they belong to (null when the pattern has no such placeholder). Recorded on the
 * output artifact as provenance.
 */
public record ResolvedInput(Input input, List<String> files, Long span, Long version)
    implements Serializable {

  public ResolvedInput {
    files = List.copyOf(files);
  }
}
