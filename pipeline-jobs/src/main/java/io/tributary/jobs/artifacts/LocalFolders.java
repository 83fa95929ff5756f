package io.tributary.jobs.artifacts;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;

/** {@link Folders} on a local disk (or one mounted on every worker), through java.nio. */
final class LocalFolders extends Folders {
  static final LocalFolders INSTANCE = new LocalFolders();

  private LocalFolders() {}

  @Override
  public String normalize(String folder) {
    return localPath(folder).toAbsolutePath().normalize().toString();
  }

  @Override
  public String name(String folder) {
    return localPath(folder).getFileName().toString();
  }

  @Override
  public String sibling(String folder, String name) {
    return localPath(folder).resolveSibling(name).toString();
  }

  @Override
  public boolean exists(String location) {
    return Files.exists(localPath(location));
  }

  @Override
  public boolean isFolder(String location) {
    return Files.isDirectory(localPath(location));
  }

  @Override
  public boolean isEmptyFolder(String location) {
    try (Stream<Path> entries = Files.list(localPath(location))) {
      return entries.findAny().isEmpty();
    } catch (IOException notAFolder) {
      return false;
    }
  }

  @Override
  public List<String> subfolders(String folder) throws IOException {
    try (Stream<Path> children = Files.list(localPath(folder))) {
      return children.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Override
  public void create(String folder) throws IOException {
    Files.createDirectories(localPath(folder));
  }

  @Override
  public void move(String from, String to) throws IOException {
    Files.move(localPath(from), localPath(to), StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public void deleteTree(String folder) throws IOException {
    Path root = localPath(folder);
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  @Override
  public Path localPath(String folder) {
    return folder.startsWith("file:") ? Paths.get(java.net.URI.create(folder)) : Path.of(folder);
  }
}
