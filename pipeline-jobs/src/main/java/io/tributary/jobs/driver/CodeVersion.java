package io.tributary.jobs.driver;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Identifies the code that runs, for cache keys: the shaded jar's size and modification time, so a
 * rebuilt jar misses every cache; {@code classes} when running from class folders (tests, IDE),
 * where component versions alone decide.
 */
final class CodeVersion {

  private CodeVersion() {}

  static String current() {
    try {
      Path code = Path.of(CodeVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isRegularFile(code)) {
        return "jar:" + Files.size(code) + ":" + Files.getLastModifiedTime(code).toMillis();
      }
    } catch (Exception unknown) {
      // Fall through: an unknown location means class folders or a custom class loader.
    }
    return "classes";
  }
}
