package io.tributary.jobs.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What the Pusher has published: {@code <root>/<model>/<version>/}, where a model name is letters,
 * digits, {@code _ - .} (not starting with a dot) and a version a positive integer. Everything else
 * is ignored, in particular the dot-prefixed staging folders a push is written in before its
 * atomic rename, so a half-written version is never seen.
 *
 * <pre>{@code
 * SortedMap<String, SortedSet<Long>> published = ServingDirectory.scan(Path.of("/srv/models"));
 * // {penguin=[1, 2]}
 * }</pre>
 */
final class ServingDirectory {
  // Names follow the Pusher's rules (io.tributary.jobs.push.ServingDirectory), which writes this tree.

  private ServingDirectory() {}

  /**
   * Model name to its published versions; a model folder removed while scanning is simply absent.
   * A missing or unreadable root is an error, not "no models": an unmounted volume must not make
   * the server drop every model.
   */
  static SortedMap<String, SortedSet<Long>> scan(Path root) {
    if (!Files.isDirectory(root)) {
      throw new UncheckedIOException(new NoSuchFileException(root + " is not a folder (any more)"));
    }
    SortedMap<String, SortedSet<Long>> models = new TreeMap<>();
    for (Path model : folders(root)) {
      String name = model.getFileName().toString();
      if (!io.tributary.jobs.push.ServingDirectory.isModelName(name)) {
        continue;
      }
      SortedSet<Long> versions = new TreeSet<>();
      for (Path version : folders(model)) {
        String number = version.getFileName().toString();
        if (io.tributary.jobs.push.ServingDirectory.isVersion(number)) {
          versions.add(Long.parseLong(number));
        }
      }
      models.put(name, Collections.unmodifiableSortedSet(versions));
    }
    return Collections.unmodifiableSortedMap(models);
  }

  /** The folder of one version. */
  static Path versionDir(Path root, String model, long version) {
    return root.resolve(model).resolve(Long.toString(version));
  }

  private static List<Path> folders(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.filter(Files::isDirectory).sorted().toList();
    } catch (NoSuchFileException gone) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }
}
