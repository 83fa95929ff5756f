package io.tributary.jobs.driver;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a new output goes: {@code <component>/<output>/<execution id>}, or {@code <id>-2},
 * {@code <id>-3}, ... when that folder exists. It exists only if another store wrote it: the
 * store was deleted or moved aside, and the new one counts execution ids from 1 again. The
 * folder is recorded as the artifact's uri, so nothing relies on the name.
 */
final class OutputFolders {
  private OutputFolders() {}

  /** A folder under {@code parent} that does not exist yet, named after {@code executionId}. */
  static Path fresh(Path parent, long executionId) {
    Path folder = parent.resolve(String.valueOf(executionId));
    for (int n = 2; Files.exists(folder); n++) {
      folder = parent.resolve(executionId + "-" + n);
    }
    return folder;
  }
}
