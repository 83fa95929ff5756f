package io.tributary.metadata.gc;

import io.tributary.metadata.Artifact;
import io.tributary.metadata.Context;
import java.util.List;
import java.util.Map;

/**
 * What a collection did, or in a dry run would do.
 *
 * @param oldRuns runs beyond the newest {@code keepLast} of their pipeline
 * @param collected artifacts of old runs now DELETED (in a dry run: that would be)
 * @param kept artifacts of old runs left alone because a newer run or the latest blessed or
 *     pushed model depends on them
 * @param failures artifacts whose files could not be removed (left MARKED_FOR_DELETION), with why
 */
public record GcReport(
    boolean dryRun,
    List<Context> oldRuns,
    List<Artifact> collected,
    List<Artifact> kept,
    Map<Artifact, String> failures) {

  public GcReport {
    oldRuns = List.copyOf(oldRuns);
    collected = List.copyOf(collected);
    kept = List.copyOf(kept);
    failures = Map.copyOf(failures);
  }
}
