package io.tributary.jobs.serve;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An immutable snapshot of what the server serves: per model, the loaded versions and the status
 * of every published one. The {@link ModelManager} replaces the whole table at once; a request
 * reads the table once and uses what it found, so it never sees half a swap.
 */
final class ServingTable {

  /** One model: its loaded versions (newest last) and the status of each published version. */
  record Model(String name, NavigableMap<Long, LoadedVersion> loaded, List<VersionStatus> statuses) {

    /** The version served when a request names none: the newest loaded one. */
    Optional<LoadedVersion> latest() {
      return loaded.isEmpty() ? Optional.empty() : Optional.of(loaded.lastEntry().getValue());
    }

    Optional<VersionStatus> status(long version) {
      return statuses.stream().filter(s -> s.version() == version).findFirst();
    }
  }

  static final ServingTable NOT_SCANNED = new ServingTable(Map.of(), false, null);

  private final SortedMap<String, Model> models;
  private final boolean scanned;
  private final String scanError;

  private ServingTable(Map<String, Model> models, boolean scanned, String scanError) {
    this.models = Collections.unmodifiableSortedMap(new TreeMap<>(models));
    this.scanned = scanned;
    this.scanError = scanError;
  }

  /** A table after a scan; {@code scanError} is the last scan's failure, or null. */
  static ServingTable of(Map<String, Model> models, String scanError) {
    return new ServingTable(models, true, scanError);
  }

  Optional<Model> model(String name) {
    return Optional.ofNullable(models.get(name));
  }

  Collection<Model> models() {
    return models.values();
  }

  /**
   * Why the server is not ready, or an empty list when it is: the serving directory was scanned
   * and every model in it has a version to serve.
   */
  List<String> notReady() {
    List<String> reasons = new ArrayList<>();
    if (!scanned) {
      reasons.add("the serving directory has not been scanned yet");
    } else if (scanError != null) {
      reasons.add(scanError);
    } else if (models.isEmpty()) {
      reasons.add("no model is published in the serving directory yet");
    }
    for (Model model : models.values()) {
      if (model.loaded().isEmpty()) {
        reasons.add("model '" + model.name() + "' has no available version: " + describe(model.statuses()));
      }
    }
    return reasons;
  }

  private static String describe(List<VersionStatus> statuses) {
    if (statuses.isEmpty()) {
      return "none is published";
    }
    List<String> parts = new ArrayList<>();
    for (VersionStatus status : statuses) {
      parts.add("version " + status.version() + " " + status.state()
          + (status.error() == null ? "" : " (" + status.error() + ")"));
    }
    return String.join("; ", parts);
  }
}
