package io.tributary.jobs.testing;

import io.tributary.transforms.model.ModelFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Publishes the trained penguin model ({@link PenguinTraining}) into a serving directory the way
 * the Pusher does by contract: a version folder holding {@code model.pb}, {@code model.json}, the
 * transform folder as {@code transform/} and {@code push.json}, written in a dot-prefixed staging
 * folder beside the versions and renamed into place in one step.
 *
 * <pre>{@code
 * Path version = ServingFixture.push(servingDir, "penguin", 1);
 * Path staged = ServingFixture.stage(servingDir, "penguin", 2);   // tamper with it, then
 * ServingFixture.publish(staged, 2);
 * }</pre>
 */
public final class ServingFixture {

  private ServingFixture() {}

  /** Stages and publishes {@code version} of {@code model}; returns the version folder. */
  public static Path push(Path servingDir, String model, long version) {
    return publish(stage(servingDir, model, version), version);
  }

  /** Writes a complete version into a staging folder that readers ignore; returns it. */
  public static Path stage(Path servingDir, String model, long version) {
    PenguinTraining penguins = PenguinTraining.get();
    try {
      Path staging = Files.createDirectories(servingDir.resolve(model).resolve(".staging-" + UUID.randomUUID()));
      for (String file : new String[] {ModelFolder.MODEL_FILE, ModelFolder.DESCRIPTOR_FILE}) {
        Files.copy(penguins.model.resolve(file), staging.resolve(file));
      }
      copyTree(penguins.transform, staging.resolve("transform"));
      String sha = ModelFolder.readDescriptor(penguins.model.toString()).modelSha256();
      String push = "{\"formatVersion\":1,\"modelName\":\"" + model + "\",\"version\":" + version
          + ",\"pushedAt\":\"2026-11-22T10:00:00Z\",\"sourceModel\":\"" + penguins.model + "\",\"sourceTransform\":\""
          + penguins.transform + "\",\"modelSha256\":\"" + sha + "\"}\n";
      Files.writeString(staging.resolve("push.json"), push, StandardCharsets.UTF_8);
      return staging;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Renames a staged version into place atomically; returns the version folder. */
  public static Path publish(Path staging, long version) {
    try {
      return Files.move(staging, staging.resolveSibling(Long.toString(version)), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }
}
