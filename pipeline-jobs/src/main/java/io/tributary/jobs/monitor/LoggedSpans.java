package io.tributary.jobs.monitor;

import io.tributary.jobs.options.UsageException;
import io.tributary.jobs.serve.LogSpan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The spans of one model's request log and the versions whose requests each holds, read from the
 * folder and file names the model server writes ({@code <logDir>/<model>/span-<number>/v<version>-...avro}).
 *
 * @param model the model's name
 * @param folder {@code <logDir>/<model>}
 * @param versions span number to the versions logged in it, both ascending
 */
record LoggedSpans(String model, Path folder, TreeMap<Long, TreeSet<Long>> versions) {

  /** A published log file: {@code v<version>-<start>-<writer>-<sequence>.avro}. */
  private static final Pattern FILE = Pattern.compile("v(\\d+)-\\d{8}T\\d{6}Z-[0-9a-f]{8}-\\d{6}\\.avro");

  /** Reads {@code logDir}; {@code model} may be null when only one model is logged there. */
  static LoggedSpans read(Path logDir, String model) {
    if (!Files.isDirectory(logDir)) {
      throw new UsageException("--logDir=" + logDir + " is not a folder: give the folder tributary serve --logDir wrote");
    }
    String name = model != null ? model : onlyModel(logDir);
    Path folder = logDir.resolve(name);
    if (!Files.isDirectory(folder)) {
      throw new UsageException("no request log of model '" + name + "' in " + logDir + " (models logged there: "
          + models(logDir) + "): check --model");
    }
    TreeMap<Long, TreeSet<Long>> versions = new TreeMap<>();
    for (Path span : list(folder)) {
      OptionalLong number = LogSpan.ofFolder(span.getFileName().toString());
      if (number.isEmpty() || !Files.isDirectory(span)) {
        continue;
      }
      for (Path file : list(span)) {
        Matcher m = FILE.matcher(file.getFileName().toString());
        if (m.matches()) {
          versions.computeIfAbsent(number.getAsLong(), n -> new TreeSet<>()).add(Long.parseLong(m.group(1)));
        }
      }
    }
    if (versions.isEmpty()) {
      throw new UsageException("no log spans found in " + folder + " (folders span-<yyyyMMddHHmm> holding v<version>-*.avro):"
          + " serve with --logSampleRate above 0 and --logDir=" + logDir + ", and wait for the files to roll");
    }
    return new LoggedSpans(name, folder, versions);
  }

  /** The newest version with requests in any span. */
  long newestVersion() {
    return versions.values().stream().mapToLong(TreeSet::last).max().orElseThrow();
  }

  /** The spans holding requests of {@code version}, ascending. */
  List<Long> spansOf(long version) {
    List<Long> spans = new ArrayList<>();
    versions.forEach((span, logged) -> {
      if (logged.contains(version)) {
        spans.add(span);
      }
    });
    return spans;
  }

  /** The glob of {@code version}'s files in span {@code span}. */
  String files(long span, long version) {
    return folder.resolve(LogSpan.folder(span)).resolve("v" + version + "-*.avro").toString();
  }

  private static String onlyModel(Path logDir) {
    List<String> models = models(logDir);
    if (models.size() != 1) {
      throw new UsageException(models.isEmpty()
          ? "no request log found in " + logDir + ": serve with --logSampleRate above 0 and --logDir=" + logDir
          : logDir + " holds the logs of several models " + models + ": name one with --model");
    }
    return models.get(0);
  }

  private static List<String> models(Path logDir) {
    return list(logDir).stream().filter(Files::isDirectory).map(p -> p.getFileName().toString())
        .filter(n -> !n.startsWith(".")).sorted().toList();
  }

  private static List<Path> list(Path folder) {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
  }
}
