package io.tributary.jobs.push;

import io.tributary.jobs.artifacts.StagedOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One model's folder in a serving directory, {@code <servingDir>/<modelName>/}, holding numbered
 * versions {@code 1/}, {@code 2/}, ... that a model server loads. Versions are never overwritten
 * or reused: a new version is written in a dot-prefixed staging folder beside them and renamed to
 * the highest existing number + 1. The rename fails if another pusher took that number first
 * (a version folder is never empty), and the push then tries the next number, so concurrent
 * pushers, in one JVM or several, get distinct versions. Readers ignore dot-prefixed and
 * non-numeric entries. A push stopped before its rename (killed mid-copy) leaves its staging
 * folder behind; {@link #sweepStaleStaging()} removes those in which nothing changed for
 * {@link #STALE_STAGING}, so a push still copying is never touched. {@link #whileLocked} runs a
 * publication's last check and its rename alone among the pushers of that model, in this process
 * and in others (a file lock on {@code .publish.lock}, released by the system when a process dies).
 *
 * <pre>{@code
 * ServingDirectory models = ServingDirectory.of(Path.of("/srv/models"), "penguin");
 * Path staged = models.stage();
 * ... write the version into staged ...
 * int version = models.publish(staged, number -> writePushJson(staged, number));
 * }</pre>
 */
public final class ServingDirectory {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,8}");
  private static final int MAX_ATTEMPTS = 1000;
  private static final String STAGING_PREFIX = ".staging-";
  /** The file whose lock a publication holds; dot-prefixed, so readers skip it. */
  public static final String LOCK_FILE = ".publish.lock";
  /** A file lock is held per process: threads of one process queue on this first. */
  private static final ConcurrentHashMap<Path, ReentrantLock> LOCKS_IN_THIS_PROCESS = new ConcurrentHashMap<>();

  /** Work done under the publication lock. */
  public interface LockedWork<T> {
    T run() throws IOException;
  }

  /** How long nothing in a staging folder may change before it counts as left by a stopped push. */
  public static final Duration STALE_STAGING = Duration.ofHours(1);

  private final Path modelFolder;

  private ServingDirectory(Path modelFolder) {
    this.modelFolder = modelFolder;
  }

  public static ServingDirectory of(Path servingDir, String modelName) {
    checkName(modelName);
    return new ServingDirectory(servingDir.toAbsolutePath().normalize().resolve(modelName));
  }

  /** Whether {@code name} is a model folder's name (the model server skips other entries). */
  public static boolean isModelName(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  /** Whether {@code name} is a published version's folder name (staging folders are not). */
  public static boolean isVersion(String name) {
    return VERSION.matcher(name).matches();
  }

  /** Fails unless {@code modelName} can be a folder name of its own. */
  public static void checkName(String modelName) {
    if (!isModelName(modelName)) {
      throw new IllegalArgumentException(
          "model name '" + modelName + "' is not a folder name: use letters, digits, '.', '_' and '-',"
              + " starting with a letter or digit");
    }
  }

  /** {@code <servingDir>/<modelName>}. */
  public Path folder() {
    return modelFolder;
  }

  public Path version(int number) {
    return modelFolder.resolve(String.valueOf(number));
  }

  /** The published versions, ascending. */
  public List<Integer> versions() {
    if (!Files.isDirectory(modelFolder)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(modelFolder)) {
      return entries.map(p -> p.getFileName().toString()).filter(ServingDirectory::isVersion)
          .map(Integer::valueOf).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + modelFolder + ": " + e.getMessage(), e);
    }
  }

  /** A new, empty staging folder for one version, hidden from readers. */
  public Path stage() throws IOException {
    Files.createDirectories(modelFolder);
    return Files.createDirectory(modelFolder.resolve(STAGING_PREFIX + UUID.randomUUID()));
  }

  /**
   * Deletes the staging folders in which no file changed for {@link #STALE_STAGING}: left by pushes
   * that were stopped before their rename. Returns what it deleted; one another process removes
   * first is skipped.
   */
  public List<Path> sweepStaleStaging() throws IOException {
    if (!Files.isDirectory(modelFolder)) {
      return List.of();
    }
    List<Path> staging;
    try (Stream<Path> entries = Files.list(modelFolder)) {
      staging = entries.filter(p -> p.getFileName().toString().startsWith(STAGING_PREFIX)).sorted().toList();
    }
    Instant staleBefore = Instant.now().minus(STALE_STAGING);
    List<Path> swept = new ArrayList<>();
    for (Path folder : staging) {
      try {
        if (lastChange(folder).isBefore(staleBefore)) {
          StagedOutput.deleteTree(folder);
          swept.add(folder);
        }
      } catch (NoSuchFileException removedMeanwhile) {
        // Another pusher swept it, or its own push finished.
      }
    }
    return swept;
  }

  /** The newest modification time of a folder and everything in it, links not followed. */
  private static Instant lastChange(Path folder) throws IOException {
    try (Stream<Path> tree = Files.walk(folder)) {
      Instant newest = Instant.EPOCH;
      for (Path path : (Iterable<Path>) tree::iterator) {
        Instant modified = Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toInstant();
        newest = modified.isAfter(newest) ? modified : newest;
      }
      return newest;
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * Runs {@code work} while holding this model's publication lock, so that what it checked (say,
   * that the newest version is not already this model) still holds when it publishes.
   */
  public <T> T whileLocked(LockedWork<T> work) throws IOException {
    Files.createDirectories(modelFolder);
    ReentrantLock inProcess = LOCKS_IN_THIS_PROCESS.computeIfAbsent(modelFolder, folder -> new ReentrantLock());
    inProcess.lock();
    try (FileChannel file = FileChannel.open(modelFolder.resolve(LOCK_FILE), StandardOpenOption.CREATE,
            StandardOpenOption.WRITE);
        FileLock held = file.lock()) {
      return work.run();
    } finally {
      inProcess.unlock();
    }
  }

  /**
   * Renames {@code staged} to the next free version and returns its number. {@code beforeRename}
   * is told the number about to be claimed (to record it inside the version), again for each
   * retry when another pusher won the race.
   */
  public int publish(Path staged, IntConsumer beforeRename) throws IOException {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      List<Integer> existing = versions();
      int next = existing.isEmpty() ? 1 : existing.get(existing.size() - 1) + 1;
      Path target = version(next);
      if (Files.exists(target)) {
        continue;
      }
      beforeRename.accept(next);
      try {
        Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        return next;
      } catch (FileSystemException e) {
        if (!Files.exists(target)) {
          throw e;
        }
        // Another pusher renamed its version to this number first: take the next one.
      }
    }
    throw new IOException("no free version in " + modelFolder + " after " + MAX_ATTEMPTS + " attempts");
  }
}
