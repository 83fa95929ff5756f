package io.tributary.jobs.artifacts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

/**
 * An output folder that appears complete or not at all.
 *
 * <pre>{@code
 * StagedOutput out = StagedOutput.begin(Path.of("out/examples"), false);
 * try {
 *   write(out.staging());   // everything goes here
 *   out.publish();          // one rename makes it visible
 * } catch (Exception e) {
 *   out.abandon();          // nothing half-written is left
 *   throw e;
 * }
 * }</pre>
 *
 * <p>The staging folder is a hidden sibling of the target ({@code .examples.staging-<id>}), on the
 * same file system, so publishing is a rename. Output folders are local (or on a file system
 * mounted on every worker) and given as absolute paths to the workers.
 */
public final class StagedOutput {

  private final Path target;
  private final Path staging;
  private final boolean replace;

  private StagedOutput(Path target, Path staging, boolean replace) {
    this.target = target;
    this.staging = staging;
    this.replace = replace;
  }

  /**
   * Starts an output. An existing non-empty target is an error unless {@code replace}, in which
   * case it is replaced only when the new output is published.
   */
  public static StagedOutput begin(Path target, boolean replace) {
    Path absolute = target.toAbsolutePath().normalize();
    if (Files.exists(absolute) && !replace && !isEmptyFolder(absolute)) {
      throw new IllegalArgumentException(
          absolute + " already exists: choose another output folder or allow replacing it");
    }
    Path staging =
        absolute.resolveSibling("." + absolute.getFileName() + ".staging-" + UUID.randomUUID());
    try {
      Files.createDirectories(staging);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + staging + ": " + e.getMessage(), e);
    }
    return new StagedOutput(absolute, staging, replace);
  }

  private static boolean isEmptyFolder(Path path) {
    try (var entries = Files.list(path)) {
      return entries.findAny().isEmpty();
    } catch (IOException notAFolder) {
      return false;
    }
  }

  /** Where to write; absolute. */
  public Path staging() {
    return staging;
  }

  public Path target() {
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
  private record Published(StagedOutput output, Path replaced) {

    /** Moves the output back to its staging folder and the replaced folder back into place. */
    void undo(Exception cause) {
      try {
        Files.move(output.target, output.staging, StandardCopyOption.ATOMIC_MOVE);
        if (replaced != null) {
          Files.move(replaced, output.target, StandardCopyOption.ATOMIC_MOVE);
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
        deleteTree(replaced);
      } catch (IOException e) {
        throw new UncheckedIOException("published " + output.target + " but cannot remove " + replaced + ": " + e.getMessage(), e);
      }
    }
  }

  /** Moves this output into place; on failure nothing of it has moved. */
  private Published moveIntoPlace() {
    if (Files.exists(target) && !replace && !isEmptyFolder(target)) {
      throw new IllegalStateException(target + " appeared while the job ran; not replacing it");
    }
    Path old = null;
    try {
      if (Files.exists(target)) {
        old = target.resolveSibling("." + target.getFileName() + ".replaced-" + UUID.randomUUID());
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      return new Published(this, old);
    } catch (IOException e) {
      UncheckedIOException failure =
          new UncheckedIOException(
              "cannot publish " + target + ": "
                  + (e instanceof AtomicMoveNotSupportedException ? "cannot rename " + staging + " atomically" : e.getMessage()),
              e);
      if (old != null && !Files.exists(target)) {
        try {
          Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
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
      deleteTree(staging);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + staging + ": " + e.getMessage(), e);
    }
  }

  /** Deletes a folder and everything in it; a missing folder is fine. */
  public static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
