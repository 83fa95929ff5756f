package io.tributary.jobs.serve;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Keeps the {@link ServingTable} in step with the serving directory, on one background thread.
 *
 * <p><b>Policy</b> (TF Serving's "latest" with availability preserved): for each model the
 * newest {@code keepVersions} published versions that have not failed are wanted. A wanted
 * version is loaded and canaried ({@link LoadedVersion#load}) while the versions already loaded
 * keep serving; the new table is published in one atomic swap when it is available, and only
 * then are the versions no longer wanted released (requests still running on them finish). A
 * version that fails is reported FAILED, never served, and the next newest takes its place in
 * the wanted set, so a broken push leaves the previous version serving; it is wanted again, and
 * tried again, when its {@link LoadRetries} allow, and replaces the previous version if it loads.
 * A version whose folder disappears is released.
 *
 * <pre>{@code
 * try (ModelManager models = new ModelManager(Path.of("/srv/models"), 1, LoadRetries.DEFAULT, System.out)) {
 *   models.start(Duration.ofSeconds(1));
 *   ServingTable table = models.table();   // read once per request
 * }
 * }</pre>
 */
final class ModelManager implements AutoCloseable {

  /** Why a version failed, how many times it has, and when ({@link #clock}) it may be tried again. */
  private record Failure(String reason, int attempts, long retryAtNanos) {}

  private final Path root;
  private final int keepVersions;
  private final LoadRetries retries;
  private final LongSupplier clock;
  private final PrintStream log;
  private final Map<String, NavigableMap<Long, LoadedVersion>> loaded = new HashMap<>();
  private final Map<String, Map<Long, Failure>> failed = new HashMap<>();
  private final ScheduledExecutorService watcher =
      Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tributary-serve-watcher");
        thread.setDaemon(true);
        return thread;
      });
  private SortedMap<String, SortedSet<Long>> published = Collections.emptySortedMap();
  private String loadingModel;
  private long loadingVersion;
  private final CountDownLatch scanned = new CountDownLatch(1);
  private volatile ServingTable table = ServingTable.NOT_SCANNED;

  ModelManager(Path root, int keepVersions, LoadRetries retries, PrintStream log) {
    this(root, keepVersions, retries, System::nanoTime, log);
  }

  /** With the clock the retry interval is measured on, in nanoseconds (tests move it by hand). */
  ModelManager(Path root, int keepVersions, LoadRetries retries, LongSupplier clock, PrintStream log) {
    this.root = root;
    this.keepVersions = keepVersions;
    this.retries = retries;
    this.clock = clock;
    this.log = log;
  }

  /** Scans now and then every {@code interval}, in the background. */
  void start(Duration interval) {
    watcher.scheduleWithFixedDelay(this::pollQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Waits until the first scan (and the loads it started) finished; false on time-out. */
  boolean awaitFirstScan(Duration timeout) throws InterruptedException {
    return scanned.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The current snapshot; never null. */
  ServingTable table() {
    return table;
  }

  /** One scan: loads wanted versions (newest first), swaps them in, releases unwanted ones. */
  synchronized void poll() {
    try {
      published = ServingDirectory.scan(root);
    } catch (UncheckedIOException e) {
      // Keep serving what is loaded: a transient listing error must not take models down.
      log.println("serve: cannot scan " + root + ": " + e.getMessage());
      publish(e.getMessage());
      return;
    }
    for (String gone : new ArrayList<>(loaded.keySet())) {
      if (!published.containsKey(gone)) {
        loaded.remove(gone);
        log.println("serve: model " + gone + " was removed from " + root + "; released it");
      }
    }
    failed.keySet().retainAll(published.keySet());
    published.forEach(this::update);
    publish(null);
  }

  private void update(String model, SortedSet<Long> versions) {
    NavigableMap<Long, LoadedVersion> have = loaded.computeIfAbsent(model, m -> new TreeMap<>());
    Map<Long, Failure> broken = failed.computeIfAbsent(model, m -> new HashMap<>());
    broken.keySet().retainAll(versions);
    while (true) {
      SortedSet<Long> wanted = wanted(versions, broken);
      Long next = wanted.stream().filter(v -> !have.containsKey(v)).reduce((a, b) -> b).orElse(null);
      if (next == null) {
        break;
      }
      load(model, next, have, broken);
    }
    SortedSet<Long> wanted = wanted(versions, broken);
    for (Long version : new ArrayList<>(have.keySet())) {
      if (!wanted.contains(version)) {
        have.remove(version);
        log.println("serve: released " + model + " version " + version);
      }
    }
  }

  private void load(String model, long version, Map<Long, LoadedVersion> have, Map<Long, Failure> broken) {
    loadingModel = model;
    loadingVersion = version;
    publish(null);
    long start = System.nanoTime();
    try {
      have.put(version, LoadedVersion.load(version, ServingDirectory.versionDir(root, model, version)));
      broken.remove(version);
      log.printf("serve: loaded %s version %d in %d ms (canary passed)%n", model, version, millisSince(start));
    } catch (RuntimeException | LinkageError e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      Failure before = broken.get(version);
      int attempts = before == null ? 1 : before.attempts() + 1;
      broken.put(version, new Failure(reason, attempts, clock.getAsLong() + retries.interval().toNanos()));
      log.println("serve: " + model + " version " + version + " FAILED to load " + (retries.allowAnother(attempts)
          ? "(attempt " + attempts + " of " + (retries.retries() + 1) + "; trying again in " + retries.interval().toSeconds() + " s)"
          : "and will not be served (" + attempts + (attempts == 1 ? " attempt" : " attempts") + ")") + ": " + reason);
    } finally {
      loadingModel = null;
    }
    publish(null);
  }

  /** The newest {@code keepVersions} published versions that have not failed, or may be tried again. */
  private SortedSet<Long> wanted(SortedSet<Long> versions, Map<Long, Failure> broken) {
    TreeSet<Long> wanted = new TreeSet<>();
    long now = clock.getAsLong();
    for (Long version : new TreeSet<>(versions).descendingSet()) {
      if (wanted.size() == keepVersions) {
        break;
      }
      Failure failure = broken.get(version);
      if (failure == null || (retries.allowAnother(failure.attempts()) && now - failure.retryAtNanos() >= 0)) {
        wanted.add(version);
      }
    }
    return wanted;
  }

  private void publish(String scanError) {
    Map<String, ServingTable.Model> models = new HashMap<>();
    // Loaded versions whose folders vanished are listed until they are released.
    SortedMap<String, SortedSet<Long>> listed = new TreeMap<>();
    published.forEach((model, versions) -> listed.computeIfAbsent(model, m -> new TreeSet<>()).addAll(versions));
    loaded.forEach((model, versions) -> listed.computeIfAbsent(model, m -> new TreeSet<>()).addAll(versions.keySet()));
    for (Map.Entry<String, SortedSet<Long>> entry : listed.entrySet()) {
      String model = entry.getKey();
      NavigableMap<Long, LoadedVersion> have = loaded.getOrDefault(model, Collections.emptyNavigableMap());
      Map<Long, Failure> broken = failed.getOrDefault(model, Map.of());
      List<VersionStatus> statuses = new ArrayList<>();
      for (Long version : entry.getValue()) {
        statuses.add(status(model, version, have, broken));
      }
      models.put(model, new ServingTable.Model(model, Collections.unmodifiableNavigableMap(new TreeMap<>(have)), List.copyOf(statuses)));
    }
    table = ServingTable.of(models, scanError);
  }

  private VersionStatus status(String model, long version, Map<Long, LoadedVersion> have, Map<Long, Failure> broken) {
    if (have.containsKey(version)) {
      return new VersionStatus(version, VersionState.AVAILABLE, null);
    }
    if (model.equals(loadingModel) && version == loadingVersion) {
      return new VersionStatus(version, VersionState.LOADING, null);
    }
    if (broken.containsKey(version)) {
      return new VersionStatus(version, VersionState.FAILED, broken.get(version).reason());
    }
    return new VersionStatus(version, VersionState.NOT_LOADED, null);
  }

  private void pollQuietly() {
    try {
      poll();
    } catch (RuntimeException | Error e) {
      // A scheduled task that throws is never run again: the watcher must survive anything one
      // scan throws, or new versions would silently stop loading.
      log.println("serve: scanning " + root + " failed: " + e);
    } finally {
      scanned.countDown();
    }
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  @Override
  public void close() {
    watcher.shutdownNow();
  }
}
