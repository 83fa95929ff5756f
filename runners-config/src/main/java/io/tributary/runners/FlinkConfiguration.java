package io.tributary.runners;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The Flink configuration a profile sets with {@code flinkConf.KEY=VALUE} lines, written as the
 * {@code config.yaml} of a directory that the profile then passes as {@code --flinkConfDir}.
 *
 * <p>Why: Beam's Flink runner takes its cluster settings only from such a directory, and some
 * matter in this JVM: an embedded cluster running a batch job on the DataStream API gets one task
 * slot unless {@code taskmanager.numberOfTaskSlots} says otherwise, which runs the job's subtasks
 * one after the other. The directory is named after a hash of its content under the temporary
 * directory, so every job with the same settings shares one, and it is written once, atomically.
 */
final class FlinkConfiguration {

  /** The prefix of profile keys that are Flink configuration rather than pipeline options. */
  static final String PREFIX = "flinkConf.";

  private final SortedMap<String, String> entries;

  FlinkConfiguration(Map<String, String> entries) {
    this.entries = new TreeMap<>(entries);
  }

  /** The {@code config.yaml} text: one flat {@code key: value} line per entry, values quoted. */
  String yaml() {
    StringBuilder yaml = new StringBuilder("# Written by Tributary from a runner profile's flinkConf.* lines.\n");
    entries.forEach((key, value) -> yaml.append(key).append(": ").append(quoted(value)).append('\n'));
    return yaml.toString();
  }

  private static String quoted(String value) {
    return value.matches("[A-Za-z0-9_.:/-]+") ? value : "'" + value.replace("'", "''") + "'";
  }

  /** The directory holding this configuration, written under {@code root} if it is not there yet. */
  Path directory(Path root) {
    String yaml = yaml();
    Path directory = root.resolve("tributary-flink-conf-" + digest(yaml));
    Path file = directory.resolve("config.yaml");
    try {
      if (Files.isRegularFile(file)) {
        return directory;
      }
      Files.createDirectories(directory);
      Path partial = Files.createTempFile(directory, "config", ".partial");
      Files.writeString(partial, yaml, StandardCharsets.UTF_8);
      // A rename within the directory replaces a copy another job wrote meanwhile, which holds the
      // same content by construction; a reader sees one whole file or none.
      Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
      return directory;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the profile's Flink configuration to " + directory + ": " + e.getMessage(), e);
    }
  }

  private static String digest(String text) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
