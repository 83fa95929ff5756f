package io.tributary.transforms.examplegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;

/**
 * Matches an {@link Input}'s pattern when the pipeline is built, so that a missing file or span is
 * reported before anything runs and the exact files read are known up front.
 *
 * <p>Files whose name starts with {@code .} or {@code _} (such as {@code _SUCCESS} markers or
 * {@code .crc} checksums) are not input.
 */
final class InputResolver {

  private InputResolver() {}

  static ResolvedInput resolve(Input input) {
    SpanPattern pattern = SpanPattern.parse(absolute(input.pattern()));
    if (!pattern.hasSpan() && input.span() != null) {
      throw new IllegalArgumentException(
          "a span was requested but '" + input.pattern() + "' has no {SPAN} or {YYYY}{MM}{DD}"
              + " placeholder");
    }
    if (!pattern.hasVersion() && input.version() != null) {
      throw new IllegalArgumentException(
          "a version was requested but '" + input.pattern() + "' has no {VERSION} placeholder");
    }
    List<String> files = list(pattern.glob());
    if (files.isEmpty()) {
      throw new IllegalArgumentException(
          "no input files match '" + input.pattern() + "'"
              + (pattern.hasSpan() ? " (looked for " + pattern.glob() + ")" : ""));
    }
    if (!pattern.hasSpan()) {
      return new ResolvedInput(input, files, null, null);
    }
    TreeMap<Long, TreeMap<Long, List<String>>> bySpan = new TreeMap<>();
    for (String file : files) {
      OptionalLong span = pattern.spanOf(file);
      if (span.isEmpty()) {
        continue;
      }
      long version = pattern.versionOf(file).orElse(0);
      bySpan
          .computeIfAbsent(span.getAsLong(), s -> new TreeMap<>())
          .computeIfAbsent(version, v -> new ArrayList<>())
          .add(file);
    }
    if (bySpan.isEmpty()) {
      throw new IllegalArgumentException(
          "no file matching '" + input.pattern() + "' has a valid span in its path");
    }
    long span = input.span() != null ? input.span() : bySpan.lastKey();
    TreeMap<Long, List<String>> versions = bySpan.get(span);
    if (versions == null) {
      throw new IllegalArgumentException(
          "span " + span + " of '" + input.pattern() + "' has no files; spans found: "
              + bySpan.keySet().stream().map(String::valueOf).collect(Collectors.joining(", ")));
    }
    long version = input.version() != null ? input.version() : versions.lastKey();
    List<String> chosen = versions.get(version);
    if (chosen == null) {
      throw new IllegalArgumentException(
          "span " + span + " of '" + input.pattern() + "' has no version " + version
              + "; versions found: " + versions.keySet());
    }
    return new ResolvedInput(input, chosen, span, pattern.hasVersion() ? version : null);
  }

  private static List<String> list(String glob) {
    try {
      MatchResult result = FileSystems.match(glob, EmptyMatchTreatment.ALLOW);
      if (result.status() == MatchResult.Status.ERROR) {
        throw new IllegalArgumentException("cannot list '" + glob + "'");
      }
      TreeSet<String> files = new TreeSet<>();
      for (MatchResult.Metadata file : result.metadata()) {
        String name = file.resourceId().getFilename();
        if (file.resourceId().isDirectory()
            || name == null
            || name.startsWith(".")
            || name.startsWith("_")) {
          continue;
        }
        files.add(file.resourceId().toString());
      }
      return new ArrayList<>(files);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list '" + glob + "': " + e.getMessage(), e);
    }
  }

  /** Local relative patterns are made absolute because Beam lists local files by absolute path. */
  private static String absolute(String pattern) {
    if (pattern.contains("://")) {
      return pattern;
    }
    return Paths.get("").toAbsolutePath().resolve(pattern).normalize().toString();
  }
}
