package io.tributary.jobs.examplegen;

import io.tributary.jobs.options.UsageException;
import io.tributary.jobs.artifacts.Folders;
import io.tributary.transforms.examples.ExamplesIO;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The splits of an examples folder, for every job that reads one: its {@code Split-<name>/}
 * folders, in ExampleGen's order (train before eval) when its {@code artifact.json} says it, else
 * sorted by name.
 */
public final class ExampleSplits {

  /** The prefix of a split folder's name. */
  public static final String PREFIX = ExamplesIO.SPLIT_PREFIX;

  private ExampleSplits() {}

  /** {@link #of(String)} of a local folder. */
  public static List<String> of(Path examples) {
    return of(examples.toString());
  }

  /**
   * The split names of {@code examples}, a local folder or a URI such as {@code hdfs://nn/out}.
   *
   * @throws UsageException when the folder cannot be read or has no split folders
   */
  public static List<String> of(String examples) {
    List<String> found;
    try {
      found =
          Folders.of(examples).subfolders(examples).stream()
              .filter(name -> name.startsWith(PREFIX))
              .map(name -> name.substring(PREFIX.length()))
              .sorted()
              .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UsageException("cannot read --examples=" + examples + ": " + e.getMessage());
    }
    if (found.isEmpty()) {
      throw new UsageException(examples + " has no Split-<name>/ folders: is it ExampleGen's output?");
    }
    return inExampleGenOrder(examples, found);
  }

  /** {@link #of(String, List)} of a local folder. */
  public static List<String> of(Path folder, List<String> wanted) {
    return of(folder.toString(), wanted);
  }

  /**
   * The splits a job was asked for ({@code --splits}), checked against those of the folder; all of
   * them when none were named.
   */
  public static List<String> of(String folder, List<String> wanted) {
    List<String> found = of(folder);
    if (wanted == null || wanted.isEmpty()) {
      return found;
    }
    for (String split : wanted) {
      if (!found.contains(split)) {
        throw new UsageException("--splits names '" + split + "', but " + folder + " has " + found);
      }
    }
    return List.copyOf(wanted);
  }

  /** The folder of one split. */
  public static Path folder(Path examples, String split) {
    return examples.resolve(PREFIX + split);
  }

  /** The folder of one split of a local folder or a URI. */
  public static String folder(String examples, String split) {
    return Folders.resolve(examples, PREFIX + split);
  }

  private static List<String> inExampleGenOrder(String examples, List<String> found) {
    try {
      if (!Folders.of(examples).exists(Folders.resolve(examples, ExamplesArtifact.FILE))) {
        return found;
      }
      List<String> ordered = new ArrayList<>(ExamplesArtifact.read(examples).splits().keySet());
      return ordered.containsAll(found) && found.containsAll(ordered) ? ordered : found;
    } catch (IOException unreadable) {
      return found;
    }
  }
}
