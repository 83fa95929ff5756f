package io.tributary.metadata.jdbc;

import io.tributary.metadata.MetadataException;
import io.tributary.metadata.StoreConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * The SQLite file a store opened, identified by its file key (device and inode on Unix). SQLite
 * keeps writing to an open file after it was deleted or moved aside, so without this check a run
 * whose store vanished would finish "successfully" with nothing recorded anywhere.
 */
final class StoreFile {
  private final Path file;
  private final Object key;

  private StoreFile(Path file, Object key) {
    this.file = file;
    this.key = key;
  }

  /** The file of {@code config} as it is now, just after the store opened it. */
  static StoreFile of(StoreConfig config) {
    Path file = config.sqliteFile();
    return new StoreFile(file, key(file));
  }

  /** Fails with one line if the file is no longer the one opened; {@code action} names the write. */
  void check(String action) {
    Object now = Files.exists(file) ? key(file) : null;
    if (now == null || !Objects.equals(key, now)) {
      throw new MetadataException(
          "metadata store " + file + " was " + (now == null ? "deleted" : "replaced")
              + " while this process was using it, so '" + action + "' was not recorded: keep the"
              + " store in place while runs use it, and run the pipeline again");
    }
  }

  /** The file key, or the path itself where the file system has no key (the check then only sees deletion). */
  private static Object key(Path file) {
    try {
      Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
      return key != null ? key : file;
    } catch (IOException e) {
      return null;
    }
  }
}
