package io.tributary.jobs.artifacts;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * What jobs do with whole folders and Beam's {@code FileSystems} cannot: list the subfolders of a
 * folder, make one, rename one atomically, delete a tree. Files themselves are read and written
 * through {@code FileSystems} ({@link io.tributary.transforms.artifacts.ArtifactFiles}); these
 * operations are what {@link StagedOutput} and the split listing need on top.
 *
 * <p>A path without a scheme (or a {@code file:} URI) is a local folder; any other URI, such as
 * {@code hdfs://namenode:8020/pipelines/penguin}, is reached through Hadoop's file system API with
 * the configuration {@link JobFileSystems#register} was given. Object stores ({@code gs://},
 * {@code s3://}) have no atomic folder rename and are not supported for job outputs.
 */
public abstract sealed class Folders permits LocalFolders, HadoopFolders {

  /** The operations for {@code folder}'s file system. */
  public static Folders of(String folder) {
    if (folder == null || folder.isBlank()) {
      throw new IllegalArgumentException("name a folder, as a path or a URI such as hdfs://namenode:8020/dir");
    }
    String scheme = schemeOf(folder);
    return scheme == null || scheme.equals("file") ? LocalFolders.INSTANCE : new HadoopFolders(JobFileSystems.hadoopConfiguration());
  }

  /** Whether {@code folder} names a local folder (a path, or a {@code file:} URI). */
  public static boolean isLocal(String folder) {
    return Folders.of(folder) instanceof LocalFolders;
  }

  /** {@code name} inside {@code folder}. */
  public static String resolve(String folder, String name) {
    return (folder.endsWith("/") ? folder : folder + "/") + name;
  }

  /** The scheme of a URI such as {@code hdfs://nn/dir}; null for a path. */
  private static String schemeOf(String location) {
    int colon = location.indexOf("://");
    if (colon <= 0 && !location.startsWith("file:")) {
      return null;
    }
    return URI.create(location).getScheme();
  }

  /** The canonical form of {@code folder}: absolute, normalized, no trailing slash. */
  public abstract String normalize(String folder);

  /** The last name of {@code folder}'s path. */
  public abstract String name(String folder);

  /** {@code name} beside {@code folder}, in the same parent folder. */
  public abstract String sibling(String folder, String name);

  public abstract boolean exists(String location) throws IOException;

  /** Whether {@code location} is a folder (false for a file or nothing). */
  public abstract boolean isFolder(String location) throws IOException;

  /** Whether {@code location} is a folder with nothing in it (false for a file or nothing). */
  public abstract boolean isEmptyFolder(String location) throws IOException;

  /** The names of the folders directly inside {@code folder}, sorted. */
  public abstract List<String> subfolders(String folder) throws IOException;

  /** Makes {@code folder} and any missing parents. */
  public abstract void create(String folder) throws IOException;

  /**
   * Renames {@code from} to {@code to} in one atomic step; fails, moving nothing, if {@code to}
   * exists (an empty local folder excepted: it is replaced).
   */
  public abstract void move(String from, String to) throws IOException;

  /** Deletes a folder and everything in it; a missing folder is fine. */
  public abstract void deleteTree(String folder) throws IOException;

  /**
   * The local path of {@code folder}, for code that writes local files only.
   *
   * @throws IllegalStateException for a folder that is not local
   */
  public abstract Path localPath(String folder);
}
