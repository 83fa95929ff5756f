package io.tributary.jobs.options;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks of the files and folders a job is given, made before any work starts: a mistake is a
 * {@link UsageException} (exit code 2) naming the option to fix.
 *
 * <pre>{@code
 * Path model = InputPaths.folder(settings.model(), "--model");
 * String config = InputPaths.readText(InputPaths.existing(options.getConfig(), "--config"), "--config");
 * }</pre>
 */
public final class InputPaths {

  private InputPaths() {}

  /** The absolute path of an option's file or folder, which must exist. */
  public static Path existing(String path, String option) {
    Path resolved = Path.of(path).toAbsolutePath().normalize();
    if (!Files.exists(resolved)) {
      throw new UsageException(option + "=" + path + " does not exist");
    }
    return resolved;
  }

  /** The absolute path of an option's folder, which must be one. */
  public static Path folder(Path path, String option) {
    Path absolute = path.toAbsolutePath().normalize();
    if (!Files.isDirectory(absolute)) {
      throw new UsageException(option + "=" + path + " is not a folder");
    }
    return absolute;
  }

  /** A config file's text. */
  public static String readText(Path file, String option) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UsageException("cannot read " + option + "=" + file + ": " + e.getMessage());
    }
  }
}
