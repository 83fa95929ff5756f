package io.tributary.runners;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Sends Tributary's jar to a cluster on this machine once per build instead of once per job.
 *
 * <p>Why: a job for a cluster ships the jars it stages ({@code filesToStage}); Tributary's shaded
 * jar is about 350 MB, and uploading it made every job on the local Flink cluster cost 10–20 s
 * before its first record. Instead, the jar is copied once into a shared folder under the name of
 * its SHA-256 ({@code tributary-<sha>.jar}), and the job stages a <em>link jar</em> of a few
 * hundred bytes whose manifest {@code Class-Path} names that copy. Flink's and Spark's user-code
 * class loaders are {@code URLClassLoader}s, which follow a jar's {@code Class-Path}, so the
 * workers load exactly the classes of the client that submitted the job: a rebuilt jar gets a copy
 * of its own, and jobs of the old and the new build can run side by side on the same cluster.
 *
 * <p>The folder must be readable by the cluster's workers at the same path: true for the local
 * clusters of {@code runners-config/scripts}; a cluster on other machines needs a shared folder
 * (set {@link #FOLDER_VARIABLE}) or the whole jar in {@code filesToStage}. The last {@link #KEEP}
 * copies are kept (a copy is touched on every use); older ones are deleted.
 */
public final class ClusterJar {

  /** The environment variable that overrides the shared folder. */
  public static final String FOLDER_VARIABLE = "TRIBUTARY_CLUSTER_JARS";

  /** How many checksum-named copies stay in the folder. */
  static final int KEEP = 3;

  private static final String PREFIX = "tributary-";

  /** The copies of each (jar, folder) pair, made once per JVM. */
  private static final ConcurrentHashMap<List<Path>, ClusterJar> SHARED = new ConcurrentHashMap<>();

  private final Path copy;
  private final Path link;

  private ClusterJar(Path copy, Path link) {
    this.copy = copy;
    this.link = link;
  }

  /** The checksum-named copy, {@code tributary-<sha256>.jar}: what a worker's classpath may name. */
  public Path copy() {
    return copy;
  }

  /** {@code tributary-<sha256>-link.jar}: a jar of a few hundred bytes to stage in its place. */
  public Path link() {
    return link;
  }

  /** The default shared folder: {@code $TRIBUTARY_CLUSTER_JARS}, else one under the temporary directory. */
  public static Path defaultFolder() {
    String configured = System.getenv(FOLDER_VARIABLE);
    return configured != null && !configured.isBlank()
        ? Path.of(configured)
        : Path.of(System.getProperty("java.io.tmpdir"), "tributary-cluster-jars");
  }

  /**
   * Copies {@code jar} into {@code folder} as {@code tributary-<sha256>.jar} unless a copy is
   * there, and writes beside it {@code tributary-<sha256>-link.jar}, whose manifest's {@code
   * Class-Path} is that copy.
   */
  public static ClusterJar share(Path jar, Path folder) {
    return SHARED.computeIfAbsent(
        List.of(jar.toAbsolutePath().normalize(), folder.toAbsolutePath().normalize()),
        key -> make(key.get(0), key.get(1)));
  }

  private static ClusterJar make(Path jar, Path folder) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException(
          "the Tributary jar " + jar + " does not exist: build it (./tributary --help does) and retry");
    }
    try {
      Files.createDirectories(folder);
      String sha = sha256(jar, folder.resolve("checksums"));
      Path copy = folder.resolve(PREFIX + sha + ".jar");
      if (Files.isRegularFile(copy)) {
        Files.setLastModifiedTime(copy, FileTime.fromMillis(System.currentTimeMillis()));
      } else {
        atomically(copy, partial -> Files.copy(jar, partial, StandardCopyOption.REPLACE_EXISTING));
      }
      Path link = folder.resolve(PREFIX + sha + "-link.jar");
      if (!Files.isRegularFile(link)) {
        atomically(link, partial -> writeLinkJar(partial, copy));
      }
      prune(folder, copy);
      return new ClusterJar(copy, link);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot put the Tributary jar into " + folder + " for the cluster: " + e.getMessage(), e);
    }
  }

  /** A jar with only a manifest, whose {@code Class-Path} is {@code target}'s absolute URL. */
  static void writeLinkJar(Path file, Path target) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, target.toAbsolutePath().toUri().toString());
    try (OutputStream out = Files.newOutputStream(file);
        JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
      jarOut.finish();
    }
  }

  private interface Writer {
    void write(Path partial) throws IOException;
  }

  /** Writes beside {@code target} and renames, so a reader never sees half a file. */
  private static void atomically(Path target, Writer writer) throws IOException {
    Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".partial");
    try {
      writer.write(partial);
      // Temporary files are private to their owner; a cluster run by another user must read these.
      partial.toFile().setReadable(true, false);
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /**
   * The SHA-256 of a jar, cached in {@code cacheFolder} under a name made of the jar's path, size and
   * modification time, so a JVM that runs from an unchanged jar does not read 350 MB again.
   */
  static String sha256(Path jar, Path cacheFolder) throws IOException {
    String key = jar.toAbsolutePath() + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis();
    Path cache = cacheFolder.resolve(hex(digest(key.getBytes(StandardCharsets.UTF_8))) + ".sha256");
    if (Files.isRegularFile(cache)) {
      String cached = Files.readString(cache, StandardCharsets.US_ASCII).strip();
      if (cached.matches("[0-9a-f]{64}")) {
        return cached;
      }
    }
    MessageDigest digest = newDigest();
    try (InputStream in = new DigestInputStream(Files.newInputStream(jar), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    String sha = hex(digest.digest());
    Files.createDirectories(cache.getParent());
    atomically(cache, partial -> Files.writeString(partial, sha + "\n", StandardCharsets.US_ASCII));
    return sha;
  }

  /** Deletes all but the {@link #KEEP} most recently used copies (never {@code current}) and their links. */
  private static void prune(Path folder, Path current) throws IOException {
    List<Path> copies = new ArrayList<>();
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(folder, PREFIX + "*.jar")) {
      for (Path jar : jars) {
        String name = jar.getFileName().toString();
        if (name.matches(PREFIX + "[0-9a-f]{64}\\.jar")) {
          copies.add(jar);
        }
      }
    }
    copies.sort(Comparator.comparing(ClusterJar::modified).reversed());
    for (Path old : copies.subList(Math.min(KEEP, copies.size()), copies.size())) {
      if (!old.equals(current)) {
        String name = old.getFileName().toString();
        Files.deleteIfExists(folder.resolve(name.replace(".jar", "-link.jar")));
        Files.deleteIfExists(old);
      }
    }
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException gone) {
      return FileTime.fromMillis(0);
    }
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }

  private static byte[] digest(byte[] bytes) {
    return newDigest().digest(bytes);
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
