package io.tributary.jobs.driver;

import io.tributary.jobs.pipeline.ComponentSpec;
import io.tributary.jobs.pipeline.InputReference;
import io.tributary.metadata.Artifact;
import io.tributary.metadata.ArtifactState;
import io.tributary.metadata.Context;
import io.tributary.metadata.LineageDirection;
import io.tributary.metadata.MetadataStore;
import io.tributary.metadata.Query;
import io.tributary.metadata.Value;
import io.tributary.metadata.WellKnownTypes;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Binds a component's inputs to artifacts: upstream outputs from this run, resolver inputs
 * ({@link InputReference}) from the metadata store. What cannot be bound is reported with the
 * reason, and the driver decides: an optional input stays unbound, a required one whose upstream
 * was skipped skips this step too, any other required one fails it.
 */
final class InputResolver {

  /** How far upstream a span is looked for: statistics of transformed examples are 4 events from ExampleGen's. */
  private static final int SPAN_HOPS = 6;

  /** How many earlier outputs {@code previousSpan} looks through. */
  private static final int PREVIOUS_OUTPUTS = 200;

  /**
   * @param bound input name to artifact
   * @param skippedUpstream input name to the skipped component it needed
   * @param unresolved input name to why nothing was found
   */
  record Resolution(Map<String, Artifact> bound, Map<String, String> skippedUpstream, Map<String, String> unresolved) {}

  private final MetadataStore store;

  InputResolver(MetadataStore store) {
    this.store = store;
  }

  /** Upstream inputs first, so that {@code latestBlessedModel()} knows which models are candidates. */
  Resolution resolve(String pipeline, ComponentSpec spec, Map<String, Map<String, Artifact>> produced) {
    Map<String, Artifact> bound = new LinkedHashMap<>();
    Map<String, String> skipped = new LinkedHashMap<>();
    Map<String, String> unresolved = new LinkedHashMap<>();
    Map<String, InputReference> references = spec.references();
    references.forEach((input, reference) -> {
      if (reference instanceof InputReference.Upstream upstream) {
        Artifact artifact = thisRun(upstream, produced);
        if (artifact == null) {
          skipped.put(input, upstream.component());
        } else {
          bound.put(input, artifact);
        }
      }
    });
    references.forEach((input, reference) -> {
      Optional<Artifact> found;
      String nothing;
      if (reference instanceof InputReference.PreviousSpan previous) {
        Artifact current = thisRun(previous.of(), produced);
        if (current == null) {
          skipped.put(input, previous.of().component());
          return;
        }
        found = previousSpan(pipeline, previous.of(), current);
        nothing = "no output " + previous.of() + " of an earlier span is LIVE";
      } else if (reference instanceof InputReference.LatestBlessedModel) {
        Set<Long> candidates = new HashSet<>();
        bound.values().forEach(a -> candidates.add(a.id()));
        found = store.latestBlessedModel(pipeline, candidates);
        nothing = "pipeline " + pipeline + " has no blessed model yet";
      } else {
        return;
      }
      found.ifPresentOrElse(a -> bound.put(input, a), () -> unresolved.put(input, nothing));
    });
    return new Resolution(bound, skipped, unresolved);
  }

  private static Artifact thisRun(InputReference.Upstream reference, Map<String, Map<String, Artifact>> produced) {
    Map<String, Artifact> outputs = produced.get(reference.component());
    return outputs == null ? null : outputs.get(reference.output());
  }

  /** Among the LIVE outputs of earlier executions of that component, the newest of the largest span below this one's. */
  private Optional<Artifact> previousSpan(String pipeline, InputReference.Upstream reference, Artifact current) {
    OptionalLong span = spanOf(current);
    Optional<Context> component = store.findContext(WellKnownTypes.COMPONENT, pipeline + "." + reference.component());
    if (span.isEmpty() || component.isEmpty()) {
      return Optional.empty();
    }
    Artifact best = null;
    long bestSpan = Long.MIN_VALUE;
    Query earlier = Query.all().withType(current.type()).withState(ArtifactState.LIVE)
        .inContext(component.get().id()).limit(PREVIOUS_OUTPUTS);
    for (Artifact candidate : store.findArtifacts(earlier)) {
      if (!candidate.uri().startsWith(outputFolder(current))) {
        continue;   // another output of the same component with the same type
      }
      OptionalLong candidateSpan = spanOf(candidate);
      // Newest first: a later candidate replaces the best only with a strictly larger span.
      if (candidateSpan.isPresent() && candidateSpan.getAsLong() < span.getAsLong()
          && candidateSpan.getAsLong() > bestSpan) {
        best = candidate;
        bestSpan = candidateSpan.getAsLong();
      }
    }
    return Optional.ofNullable(best);
  }

  /** {@code <root>/<Component>/<output>/}: where every execution of that output writes. */
  private static String outputFolder(Artifact artifact) {
    String uri = artifact.uri();
    return uri.substring(0, uri.lastIndexOf('/') + 1);
  }

  /** The span of the examples this artifact was made from, or empty when they had none. */
  private OptionalLong spanOf(Artifact artifact) {
    if (artifact.property("span") != null) {
      return OptionalLong.of(artifact.property("span").asLong());
    }
    return store.lineage(artifact, LineageDirection.UPSTREAM, SPAN_HOPS).artifacts().stream()
        .filter(a -> a.type().equals(WellKnownTypes.EXAMPLES))
        .map(a -> a.property("span"))
        .filter(java.util.Objects::nonNull)
        .mapToLong(Value::asLong)
        .max();
  }
}
