package io.tributary.jobs.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

/** The shipped penguin sample ({@code samples/penguin}), copied where a test may edit it. */
public final class PenguinSample {

  /** The sample's folder in the source tree. */
  public static final Path FOLDER = Paths.get("../samples/penguin").toAbsolutePath().normalize();

  private PenguinSample() {}

  /** Copies pipeline.yaml, every config file beside it and data/penguins.csv; returns the pipeline file. */
  public static Path copyTo(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(FOLDER)) {
      for (Path yaml : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        Files.copy(yaml, dir.resolve(yaml.getFileName()));
      }
    }
    Files.createDirectories(dir.resolve("data"));
    Files.copy(FOLDER.resolve("data/penguins.csv"), dir.resolve("data/penguins.csv"));
    return dir.resolve("pipeline.yaml");
  }
}
