package io.tributary.jobs.artifacts;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * Titles of the HTML reports, which say what a page is about in the words a person uses: the
 * pipeline, the component and its execution, and what was looked at.
 *
 * <pre>{@code
 * ReportTitle.of(ReportTitle.execution("penguin", "StatisticsGen", output), "statistics", List.of("train", "eval"));
 *     // penguin · StatisticsGen · execution 12 — statistics of train, eval
 * ReportTitle.of(ReportTitle.folder(Path.of("work/penguin-examples")), "statistics", List.of("train"));
 *     // work/penguin-examples — statistics of train
 * }</pre>
 *
 * <p>A folder the driver made ({@code <root>/<ComponentId>/<output>/<execution id>/}) is named by
 * that layout, e.g. {@code penguin · Trainer model · execution 17}, so a report that a standalone
 * command makes from a pipeline's artifact still says where its input came from.
 */
public final class ReportTitle {

  private static final String DOT = " · ";

  private ReportTitle() {}

  /** {@code <subject> — <what> of <split>, <split>}; just {@code <subject> — <what>} without splits. */
  public static String of(String subject, String what, List<String> splits) {
    return subject + " — " + what + (splits.isEmpty() ? "" : " of " + String.join(", ", splits));
  }

  /**
   * {@code <pipeline> · <component> · execution <id>}: the execution is the name of the output
   * folder the driver gave the component ({@code <root>/<ComponentId>/<output>/<execution id>}).
   */
  public static String execution(String pipeline, String componentId, Path output) {
    return pipeline + DOT + componentId + DOT + "execution " + output.getFileName();
  }

  /**
   * A folder in a few words: {@code <root> · <ComponentId> <output> · execution <id>} when it is
   * laid out as a pipeline's artifact, else its last two path elements ({@code
   * work/penguin-examples}).
   */
  public static String folder(String folder) {
    return folder(Path.of(folder.contains("://") ? URI.create(folder).getPath() : folder));
  }

  /** {@link #folder(String)} of a local folder. */
  public static String folder(Path folder) {
    Path path = folder.toAbsolutePath().normalize();
    int names = path.getNameCount();
    if (names >= 4 && path.getFileName().toString().matches("[0-9]+")) {
      return path.getName(names - 4) + DOT + path.getName(names - 3) + " " + path.getName(names - 2) + DOT
          + "execution " + path.getFileName();
    }
    return names >= 2 ? path.subpath(names - 2, names).toString() : path.toString();
  }
}
