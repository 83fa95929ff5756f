package io.tributary.metadata.gc;

import io.tributary.metadata.Artifact;
import io.tributary.metadata.ArtifactState;
import io.tributary.metadata.Context;
import io.tributary.metadata.EventType;
import io.tributary.metadata.LineageDirection;
import io.tributary.metadata.MetadataStore;
import io.tributary.metadata.NodeType;
import io.tributary.metadata.Query;
import io.tributary.metadata.TypeKind;
import io.tributary.metadata.Value;
import io.tributary.metadata.WellKnownTypes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Frees the disk space of old pipeline runs.
 *
 * <pre>{@code
 * GcReport report = GarbageCollector.keepLast(5).dryRun(true).run(store);   // look first
 * GarbageCollector.keepLast(5).run(store);                                  // then collect
 * }</pre>
 *
 * <p>For each pipeline, the newest {@code keepLast} runs ({@code pipeline_run} contexts whose
 * parent is the pipeline; runs without one form their own group) are kept. Artifacts attributed
 * to older runs are collected in three steps, so a crash at any point is safe and the next
 * collection finishes the work: all are marked MARKED_FOR_DELETION in one transaction, their
 * files are removed, and each is marked DELETED once its files are gone.
 *
 * <p>Only what an execution wrote is ever collected: an artifact is a candidate only if an
 * execution recorded it as an OUTPUT. The user's own files, which the driver records as {@code
 * ExternalFile} inputs so that lineage reaches back to them, are never removed, whatever run they
 * are attributed to.
 *
 * <p>Never collected either: artifacts also attributed to a kept run (e.g. reused through the
 * cache), PENDING artifacts (a run may still be writing them), and everything upstream of the
 * latest blessed model, the latest blessing and the latest pushed model of each pipeline.
 */
public final class GarbageCollector {
  private static final Set<ArtifactState> COLLECTABLE =
      EnumSet.of(ArtifactState.LIVE, ArtifactState.ABANDONED, ArtifactState.MARKED_FOR_DELETION);
  private static final int ALL = 1_000_000;

  private final int keepLast;
  private final boolean dryRun;
  private final FileRemover remover;

  private GarbageCollector(int keepLast, boolean dryRun, FileRemover remover) {
    this.keepLast = keepLast;
    this.dryRun = dryRun;
    this.remover = remover;
  }

  /** Keeps the newest {@code runs} runs of each pipeline; at least 1. */
  public static GarbageCollector keepLast(int runs) {
    if (runs < 1) {
      throw new IllegalArgumentException("--keepLast must be at least 1, got " + runs
          + ": the latest run is always kept");
    }
    return new GarbageCollector(runs, false, FileRemover.local());
  }

  /** In a dry run nothing is marked or removed; the report says what would be. */
  public GarbageCollector dryRun(boolean newDryRun) {
    return new GarbageCollector(keepLast, newDryRun, remover);
  }

  /** How files are removed; {@link FileRemover#local()} by default. */
  public GarbageCollector withFileRemover(FileRemover newRemover) {
    return new GarbageCollector(keepLast, dryRun, java.util.Objects.requireNonNull(newRemover));
  }

  public GcReport run(MetadataStore store) {
    if (!hasType(store, WellKnownTypes.PIPELINE_RUN)) {
      return new GcReport(dryRun, List.of(), List.of(), List.of(), Map.of());
    }
    Map<Long, List<Context>> runsByPipeline = new LinkedHashMap<>();
    for (Context run : store.findContexts(Query.all().withType(WellKnownTypes.PIPELINE_RUN).limit(ALL))) {
      long pipeline = store.contextsOf(TypeKind.CONTEXT, run.id()).stream()
          .filter(c -> c.type().equals(WellKnownTypes.PIPELINE)).mapToLong(Context::id).findFirst().orElse(0);
      runsByPipeline.computeIfAbsent(pipeline, k -> new ArrayList<>()).add(run);
    }
    List<Context> oldRuns = new ArrayList<>();
    Set<Long> keep = new HashSet<>();
    for (List<Context> runs : runsByPipeline.values()) {
      // Newest first, as every query returns them.
      for (int i = 0; i < runs.size(); i++) {
        if (i < keepLast) {
          artifactsOf(store, runs.get(i)).forEach(a -> keep.add(a.id()));
        } else {
          oldRuns.add(runs.get(i));
        }
      }
    }
    keep.addAll(protectedByModels(store));

    Map<Long, Artifact> candidates = new LinkedHashMap<>();
    List<Artifact> kept = new ArrayList<>();
    for (Context run : oldRuns) {
      for (Artifact a : artifactsOf(store, run)) {
        if (!COLLECTABLE.contains(a.state()) || candidates.containsKey(a.id()) || !writtenByAnExecution(store, a)) {
          continue;
        }
        if (keep.contains(a.id())) {
          kept.add(a);
        } else {
          candidates.put(a.id(), a);
        }
      }
    }
    if (dryRun) {
      return new GcReport(true, oldRuns, List.copyOf(candidates.values()), kept, Map.of());
    }
    return collect(store, oldRuns, List.copyOf(candidates.values()), kept);
  }

  private GcReport collect(MetadataStore store, List<Context> oldRuns, List<Artifact> candidates, List<Artifact> kept) {
    List<Artifact> marked = store.putArtifacts(
        candidates.stream().map(a -> a.withState(ArtifactState.MARKED_FOR_DELETION)).toList());
    List<Artifact> collected = new ArrayList<>();
    Map<Artifact, String> failures = new LinkedHashMap<>();
    for (Artifact a : marked) {
      try {
        remover.remove(a.uri());
        collected.add(store.putArtifact(a.withState(ArtifactState.DELETED)));
      } catch (IOException | RuntimeException e) {
        failures.put(a, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
      }
    }
    return new GcReport(false, oldRuns, collected, kept, failures);
  }

  /** Everything upstream of each pipeline's latest blessed model, blessing and pushed model. */
  private static Set<Long> protectedByModels(MetadataStore store) {
    Set<Long> ids = new HashSet<>();
    if (!hasType(store, WellKnownTypes.PIPELINE)) {
      return ids;
    }
    for (Context pipeline : store.findContexts(Query.all().withType(WellKnownTypes.PIPELINE).limit(ALL))) {
      List<Optional<Artifact>> roots = new ArrayList<>();
      roots.add(store.latestBlessedModel(pipeline.name()));
      for (String type : List.of(WellKnownTypes.MODEL_BLESSING, WellKnownTypes.PUSHED_MODEL)) {
        if (!hasArtifactType(store, type)) {
          continue;
        }
        Query latest = Query.all().withType(type).withState(ArtifactState.LIVE).inContext(pipeline.id()).limit(1);
        roots.add(store.findArtifacts(type.equals(WellKnownTypes.MODEL_BLESSING)
            ? latest.withProperty(WellKnownTypes.BLESSED, Value.of(1)) : latest).stream().findFirst());
      }
      for (Optional<Artifact> root : roots) {
        root.ifPresent(r -> store.lineage(r, LineageDirection.UPSTREAM, MetadataStore.MAX_HOPS).artifacts()
            .forEach(a -> ids.add(a.id())));
      }
    }
    return ids;
  }

  private static boolean writtenByAnExecution(MetadataStore store, Artifact artifact) {
    return !artifact.type().equals(WellKnownTypes.EXTERNAL_FILE)
        && store.events(TypeKind.ARTIFACT, artifact.id()).stream().anyMatch(e -> e.type() == EventType.OUTPUT);
  }

  private static List<Artifact> artifactsOf(MetadataStore store, Context run) {
    return store.findArtifacts(Query.all().inContext(run.id()).limit(ALL));
  }

  private static boolean hasType(MetadataStore store, String contextType) {
    return store.types(TypeKind.CONTEXT).stream().map(NodeType::name).anyMatch(contextType::equals);
  }

  private static boolean hasArtifactType(MetadataStore store, String type) {
    return store.types(TypeKind.ARTIFACT).stream().map(NodeType::name).anyMatch(type::equals);
  }
}
