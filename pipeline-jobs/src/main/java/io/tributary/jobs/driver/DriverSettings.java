package io.tributary.jobs.driver;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * How to run a pipeline.
 *
 * @param home where pipelines without a {@code root} keep their artifacts ({@code <home>/pipelines/<name>})
 * @param runnerArgs Beam options for every Beam component ({@code --profile=...} and pass-through)
 * @param noCache true to re-run every component
 * @param noCacheFor component ids to re-run even when a cached result exists
 */
public record DriverSettings(Path home, List<String> runnerArgs, boolean noCache, Set<String> noCacheFor) {

  public DriverSettings {
    runnerArgs = List.copyOf(runnerArgs);
    noCacheFor = Set.copyOf(noCacheFor);
  }

  boolean mayUseCache(String componentId) {
    return !noCache && !noCacheFor.contains(componentId);
  }
}
