package io.tributary.jobs.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link CanaryMain} in a child JVM: the {@code java} of this JVM's {@code java.home}, this
 * JVM's class path, nothing loaded yet, as a model server starts. Its output goes to files in a
 * work folder (a pipe that nobody drains could block it). A child that runs past the timeout is
 * killed; one that exits without a report is described by its exit code and the end of its
 * standard error.
 */
final class CanaryProcess {

  /** The serial collector: a small, predictable heap, so the measured heap is the model's. */
  private static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC");

  private CanaryProcess() {}

  static CanaryReport run(Path model, Path transform, Path rows, int timeoutSeconds, Path workDir)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), CanaryMain.class.getName()));
    command.addAll(List.of(model.toString(), rows.toString()));
    if (transform != null) {
      command.add(transform.toString());
    }
    Path out = workDir.resolve("canary.out");
    Path err = workDir.resolve("canary.err");
    Process child = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    try {
      if (!child.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        child.destroyForcibly().waitFor();
        return CanaryReport.failed(
            "the canary JVM did not finish within " + timeoutSeconds + " s and was killed: raise the timeout"
                + " (timeoutSeconds / --timeoutSeconds) or send fewer canary rows");
      }
    } catch (InterruptedException e) {
      child.destroyForcibly();
      throw e;
    }
    String printed = Files.readString(out).strip();
    try {
      return CanaryJson.report(printed.substring(printed.lastIndexOf('\n') + 1));
    } catch (JsonProcessingException e) {
      return CanaryReport.failed(
          "the canary JVM exited with code " + child.exitValue() + " without a report: " + tail(err));
    }
  }

  private static String tail(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file).stream().filter(line -> !line.isBlank()).toList();
    return lines.isEmpty() ? "(nothing on standard error)" : String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
  }
}
