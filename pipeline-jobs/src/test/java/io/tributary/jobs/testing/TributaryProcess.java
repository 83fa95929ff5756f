package io.tributary.jobs.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./tributary} run as a child process, as a user runs it (the launcher's JVM flags and its
 * out-of-memory hook, the shaded jar as built, {@code TRIBUTARY_SKIP_BUILD=1}), with the JVM
 * options given in {@code TRIBUTARY_JAVA_OPTS}, e.g. a small heap. A process still running after
 * the time limit is ended, with its children, and fails the test: a hang is a failure, not a wait.
 *
 * <pre>{@code
 * Finished run = TributaryProcess.withJavaOptions("-Xmx160m").run(dir.resolve("run.log"), "examplegen", "--input=...");
 * }</pre>
 *
 * @param environment more variables for the process, e.g. {@code TRIBUTARY_MAIN}
 */
public record TributaryProcess(String javaOptions, Duration limit, Map<String, String> environment) {

  /** The repository root, from a module's folder (where Maven runs its tests). */
  public static final Path ROOT = Paths.get("..").toAbsolutePath().normalize();

  /** How a run ended, with everything it printed (standard output and error, interleaved). */
  public record Finished(int exitCode, String output) {}

  public TributaryProcess {
    environment = Map.copyOf(environment);
  }

  /** Runs with these {@code TRIBUTARY_JAVA_OPTS} and a time limit of 3 minutes. */
  public static TributaryProcess withJavaOptions(String javaOptions) {
    return new TributaryProcess(javaOptions, Duration.ofMinutes(3), Map.of());
  }

  public TributaryProcess withLimit(Duration newLimit) {
    return new TributaryProcess(javaOptions, newLimit, environment);
  }

  public TributaryProcess withEnvironment(Map<String, String> more) {
    Map<String, String> merged = new HashMap<>(environment);
    merged.putAll(more);
    return new TributaryProcess(javaOptions, limit, merged);
  }

  /** Runs {@code ./tributary args...} to its end, its output written to {@code log} as well. */
  public Finished run(Path log, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(ROOT.resolve("tributary").toString()));
    command.addAll(Arrays.asList(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("TRIBUTARY_JAVA_OPTS", javaOptions);
    builder.environment().put("TRIBUTARY_SKIP_BUILD", "1");
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getOutputStream().close();
    boolean ended = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    if (!ended) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(ended, "still running " + limit.toSeconds() + " s after it started:\n" + output);
    return new Finished(process.exitValue(), output);
  }
}
