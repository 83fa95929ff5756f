package io.tributary.jobs.examplegen;

import io.tributary.jobs.options.UsageException;
import io.tributary.transforms.examples.ExamplesIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The splits of an examples folder, for every job that reads one: its {@code Split-<name>/}
 * folders, in ExampleGen's order (train before eval) when its {@code artifact.json} says it, else
 * sorted by name.
 */
public final class ExampleSplits {

  /** The prefix of a split folder's name. */
  public static final String PREFIX = ExamplesIO.SPLIT_PREFIX;

  private ExampleSplits() {}

  /**
   * The split names of {@code examples}.
   *
   * @throws UsageException when the folder cannot be read or has no split folders
   */
  public static List<String> of(Path examples) {
    List<String> found;
    try (Stream<Path> children = Files.list(examples)) {
      found =
          children
              .filter(Files::isDirectory)
              .map(p -> p.getFileName().toString())
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

  /**
   * The splits a job was asked for ({@code --splits}), checked against those of the folder; all of
   * them when none were named.
   */
  public static List<String> of(Path folder, List<String> wanted) {
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

  private static List<String> inExampleGenOrder(Path examples, List<String> found) {
    if (!Files.exists(examples.resolve(ExamplesArtifact.FILE))) {
      return found;
    }
    try {
      List<String> ordered = new ArrayList<>(ExamplesArtifact.read(examples).splits().keySet());
      return ordered.containsAll(found) && found.containsAll(ordered) ? ordered : found;
    } catch (IOException unreadable) {
      return found;
    }
  }
}
