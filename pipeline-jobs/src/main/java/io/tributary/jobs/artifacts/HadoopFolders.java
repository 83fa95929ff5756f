package io.tributary.jobs.artifacts;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * {@link Folders} on a Hadoop file system (HDFS), through {@link FileContext}: its {@code rename}
 * of a folder is one atomic namenode operation that fails if the target exists (unlike {@code
 * FileSystem.rename}, which would move the folder inside an existing one).
 */
final class HadoopFolders extends Folders {
  private final Configuration configuration;

  HadoopFolders(Configuration configuration) {
    this.configuration = configuration;
  }

  @Override
  public String normalize(String folder) {
    URI uri = URI.create(folder).normalize();
    String text = uri.toString();
    return text.endsWith("/") && uri.getPath().length() > 1 ? text.substring(0, text.length() - 1) : text;
  }

  @Override
  public String name(String folder) {
    return path(folder).getName();
  }

  @Override
  public String sibling(String folder, String name) {
    return new org.apache.hadoop.fs.Path(path(folder).getParent(), name).toString();
  }

  @Override
  public boolean exists(String location) throws IOException {
    return context(location).util().exists(path(location));
  }

  @Override
  public boolean isFolder(String location) throws IOException {
    try {
      return context(location).getFileStatus(path(location)).isDirectory();
    } catch (FileNotFoundException none) {
      return false;
    }
  }

  @Override
  public boolean isEmptyFolder(String location) throws IOException {
    try {
      FileStatus status = context(location).getFileStatus(path(location));
      return status.isDirectory() && !context(location).listStatus(path(location)).hasNext();
    } catch (FileNotFoundException none) {
      return false;
    }
  }

  @Override
  public List<String> subfolders(String folder) throws IOException {
    return Arrays.stream(context(folder).util().listStatus(path(folder)))
        .filter(FileStatus::isDirectory)
        .map(status -> status.getPath().getName())
        .sorted()
        .toList();
  }

  @Override
  public void create(String folder) throws IOException {
    context(folder).mkdir(path(folder), FsPermission.getDirDefault(), true);
  }

  @Override
  public void move(String from, String to) throws IOException {
    context(from).rename(path(from), path(to), Options.Rename.NONE);
  }

  @Override
  public void deleteTree(String folder) throws IOException {
    context(folder).delete(path(folder), true);
  }

  @Override
  public java.nio.file.Path localPath(String folder) {
    throw new IllegalStateException(folder + " is not a local folder: this step writes local folders only");
  }

  private static org.apache.hadoop.fs.Path path(String location) {
    return new org.apache.hadoop.fs.Path(URI.create(location));
  }

  private FileContext context(String location) throws IOException {
    return FileContext.getFileContext(URI.create(location), configuration);
  }
}
