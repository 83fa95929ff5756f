package io.tributary.metadata.gc;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Removes the files behind an artifact uri. The default, {@link #local()}, handles local paths
 * and {@code file:} uris; a remote store (object storage) plugs in its own.
 */
@FunctionalInterface
public interface FileRemover {
  /**
   * Removes everything at {@code uri}; a uri that no longer exists counts as removed.
   *
   * @throws IOException if something there could not be removed (the artifact then stays
   *     MARKED_FOR_DELETION and the next collection tries again)
   */
  void remove(String uri) throws IOException;

  /**
   * Deletes local files and folders recursively. Symbolic links are removed, never followed, so
   * a link inside an artifact cannot make it delete anything outside.
   */
  static FileRemover local() {
    return uri -> {
      Path path;
      if (uri.startsWith("file:")) {
        path = Path.of(URI.create(uri));
      } else if (uri.contains("://")) {
        throw new IOException("not a local path, cannot delete " + uri + ": remove it with its own tools");
      } else {
        path = Path.of(uri);
      }
      if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        return;
      }
      Files.walkFileTree(path, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.delete(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
          if (e != null) {
            throw e;
          }
          Files.delete(dir);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
          if (e instanceof NoSuchFileException) {
            return FileVisitResult.CONTINUE;
          }
          throw e;
        }
      });
    };
  }
}
