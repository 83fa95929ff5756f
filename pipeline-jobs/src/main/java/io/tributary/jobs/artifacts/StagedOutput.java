package io.tributary.jobs.artifacts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

/**
 * An output folder that appears complete or not at all.
 *
 * <pre>{@code
 * StagedOutput out = StagedOutput.begin("hdfs://nn:8020/out/examples", false);   // or a local Path
 * try {
 *   write(out.stagingUri());   // everything goes here
 *   out.publish();             // one rename makes it visible
 * } catch (Exception e) {
 *   out.abandon();             // nothing half-written is left
 *   throw e;
 * }
 * }</pre>
 *
 * <p>The staging folder is a hidden sibling of the target ({@code .examples.staging-<id>}), on the
 * same file system, so publishing is a rename: a local one, or on HDFS one namenode operation
 * ({@link Folders}). Local output folders are local to the launching JVM (or on a file system
 * mounted on every worker) and given as absolute paths to the workers.
 */
public final class StagedOutput {

  private final Folders folders;
  private final String target;
  private final String staging;
  private final boolean replace;

  private StagedOutput(Folders folders, String target, String staging, boolean replace) {
    this.folders = folders;
    this.target = target;
    this.staging = staging;
    this.replace = replace;
  }

  /** {@link #begin(String, boolean)} of a local folder. */
  public static StagedOutput begin(Path target, boolean replace) {
    return begin(target.toAbsolutePath().normalize().toString(), replace);
  }

  /**
   * Starts an output at a local path or a URI such as {@code hdfs://nn:8020/out}. An existing
   * non-empty target is an error unless {@code replace}, in which case it is replaced only when the
   * new output is published.
   */
  public static StagedOutput begin(String target, boolean replace) {
    Folders folders = Folders.of(target);
    String absolute = folders.normalize(target);
    String staging = folders.sibling(absolute, "." + folders.name(absolute) + ".staging-" + UUID.randomUUID());
    try {
      if (folders.exists(absolute) && !replace && !folders.isEmptyFolder(absolute)) {
        throw new IllegalArgumentException(
            absolute + " already exists: choose another output folder or allow replacing it");
      }
      folders.create(staging);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + staging + ": " + e.getMessage(), e);
    }
    return new StagedOutput(folders, absolute, staging, replace);
  }

  /**
   * Where to write; absolute.
   *
   * @throws IllegalStateException when the output is not local: use {@link #stagingUri()}
   */
  public Path staging() {
    return folders.localPath(staging);
  }

  /** The local path of the target; see {@link #staging()}. */
  public Path target() {
    return folders.localPath(target);
  }

  /** Where to write, as an absolute path or a URI (for {@code FileSystems} and Beam IO). */
  public String stagingUri() {
    return staging;
  }

  /** The published folder, as an absolute path or a URI. */
  public String targetUri() {
    return target;
  }

  /** Moves the staged folder into place. */
  public void publish() {
    publishTogether(List.of(this));
  }

  /**
   * Publishes several outputs of one run as a unit: in the order given, and if one cannot be
   * published, those already moved into place are moved back to their staging folders (and any
   * folder they replaced is restored), so a failed run leaves none of them looking finished. The
   * caller still {@link #abandon()}s every output on failure.
   *
   * <p>Put last the output whose presence tells a reader the run is complete. Each move is an
   * atomic rename; only a crash of the JVM between two renames can leave the earlier outputs
   * published without the later ones.
   */
  public static void publishTogether(List<StagedOutput> outputs) {
    Deque<Published> done = new ArrayDeque<>();
    try {
      for (StagedOutput output : outputs) {
        done.push(output.moveIntoPlace());
      }
    } catch (RuntimeException e) {
      while (!done.isEmpty()) {
        done.pop().undo(e);
      }
      throw e;
    }
    for (Published published : done) {
      published.dropReplaced();
    }
  }

  /** An output moved into place, and the folder it replaced (kept until every output is in place). */
  private record Published(StagedOutput output, String replaced) {

    /** Moves the output back to its staging folder and the replaced folder back into place. */
    void undo(Exception cause) {
      try {
        output.folders.move(output.target, output.staging);
        if (replaced != null) {
          output.folders.move(replaced, output.target);
        }
      } catch (IOException e) {
        cause.addSuppressed(e);
      }
    }

    void dropReplaced() {
      if (replaced == null) {
        return;
      }
      try {
        output.folders.deleteTree(replaced);
      } catch (IOException e) {
        throw new UncheckedIOException("published " + output.target + " but cannot remove " + replaced + ": " + e.getMessage(), e);
      }
    }
  }

  /** Moves this output into place; on failure nothing of it has moved. */
  private Published moveIntoPlace() {
    String old = null;
    try {
      if (folders.exists(target) && !replace && !folders.isEmptyFolder(target)) {
        throw new IllegalStateException(target + " appeared while the job ran; not replacing it");
      }
      if (folders.exists(target)) {
        old = folders.sibling(target, "." + folders.name(target) + ".replaced-" + UUID.randomUUID());
        folders.move(target, old);
      }
      folders.move(staging, target);
      return new Published(this, old);
    } catch (IOException e) {
      UncheckedIOException failure =
          new UncheckedIOException(
              "cannot publish " + target + ": "
                  + (e instanceof AtomicMoveNotSupportedException ? "cannot rename " + staging + " atomically" : e.getMessage()),
              e);
      if (old != null) {
        try {
          if (!folders.exists(target)) {
            folders.move(old, target);
          }
        } catch (IOException restore) {
          failure.addSuppressed(restore);
        }
      }
      throw failure;
    }
  }

  /** Deletes the staged folder; safe to call more than once. */
  public void abandon() {
    try {
      folders.deleteTree(staging);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + staging + ": " + e.getMessage(), e);
    }
  }

  /** Deletes a local folder and everything in it; a missing folder is fine. */
  public static void deleteTree(Path root) throws IOException {
    LocalFolders.INSTANCE.deleteTree(root.toString());
  }
}
