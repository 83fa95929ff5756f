package io.tributary.jobs.testing;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * What {@link LocalFlinkCluster} and {@link LocalSparkCluster} share: a JUnit 5 extension that
 * runs a {@code runners-config/scripts/*-cluster.sh start} once per test run (the JUnit launcher
 * session), and {@code stop} when the run ends, but only if it started the cluster: one that was
 * already running (e.g. started by hand) is left alone.
 *
 * <p>If the cluster cannot start (a port taken, no {@code mvn}, the script not found), the tests
 * of the class fail when the environment variable {@code CI} is {@code true}, and are aborted
 * (reported as skipped) with the reason otherwise. The script's output, including the tail of the
 * cluster's logs, is printed to standard output.
 */
abstract class LocalCluster implements BeforeAllCallback, ParameterResolver {

  /** What a cluster script's {@code start} prints when it found the cluster running already. */
  static final String ALREADY_RUNNING = "already running";

  /** Bounds one call of the script; the first start also downloads the jars. */
  private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(10);

  /** The script, relative to the repository root, e.g. {@code runners-config/scripts/flink-cluster.sh}. */
  abstract String script();

  /** The cluster's name in messages, e.g. "Flink". */
  abstract String name();

  @Override
  public void beforeAll(ExtensionContext context) {
    // The root store lives as long as the test run and closes its resources at the end of it.
    Session session =
        context
            .getRoot()
            .getStore(ExtensionContext.Namespace.create(getClass()))
            .getOrComputeIfAbsent(Session.class, type -> Session.start(script()), Session.class);
    session.failure.ifPresent(reason -> cannotStart(context, reason));
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == getClass();
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return this;
  }

  private void cannotStart(ExtensionContext context, String reason) {
    String message = "The local " + name() + " cluster could not start: " + reason;
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      Assertions.fail(message);
    }
    // Surefire reports a class aborted in beforeAll as "Tests run: 0" without the reason: say it.
    System.err.println(
        getClass().getSimpleName() + ": skipping " + context.getDisplayName() + ". " + message);
    Assumptions.abort(message + " (tests skipped; with CI=true they fail)");
  }

  /** One start of the cluster per test run; stops it on close if it started it. */
  private static final class Session implements ExtensionContext.Store.CloseableResource {
    private final Path script;
    private final boolean startedHere;
    private final Optional<String> failure;

    private Session(Path script, boolean startedHere, Optional<String> failure) {
      this.script = script;
      this.startedHere = startedHere;
      this.failure = failure;
    }

    static Session start(String relative) {
      Optional<Path> script = findScript(Paths.get("").toAbsolutePath(), relative);
      if (script.isEmpty()) {
        return new Session(
            null,
            false,
            Optional.of(
                relative + " not found in " + Paths.get("").toAbsolutePath() + " or its parents"));
      }
      Result result = run(script.get(), "start");
      if (result.exitCode != 0) {
        return new Session(
            script.get(),
            false,
            Optional.of(lastLine(result.output) + " (exit code " + result.exitCode + ")"));
      }
      return new Session(script.get(), !result.output.contains(ALREADY_RUNNING), Optional.empty());
    }

    @Override
    public void close() {
      if (startedHere) {
        Result result = run(script, "stop");
        if (result.exitCode != 0) {
          System.err.println(script.getFileName() + " stop failed (exit " + result.exitCode + ")");
        }
      }
    }
  }

  /** Walks up from {@code start} to the first folder that holds {@code script}, a relative path. */
  static Optional<Path> findScript(Path start, String script) {
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(script);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private record Result(int exitCode, String output) {}

  private static Result run(Path script, String command) {
    String name = script.getFileName().toString();
    ProcessBuilder builder =
        new ProcessBuilder("bash", script.toString(), command).redirectErrorStream(true);
    // Never wait for input: the script reads none, and a prompt would hang the test run.
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    try {
      Process process = builder.start();
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      Thread pump = new Thread(() -> copy(process.getInputStream(), output), name);
      pump.setDaemon(true);
      pump.start();
      if (!process.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        // SIGTERM first: the script then stops the JVMs it had launched.
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
        return new Result(-1, name + " " + command + " timed out after " + SCRIPT_TIMEOUT);
      }
      pump.join(TimeUnit.SECONDS.toMillis(5));
      String text = output.toString(StandardCharsets.UTF_8);
      System.out.print(text);
      return new Result(process.exitValue(), text);
    } catch (IOException e) {
      return new Result(-1, "cannot run " + script + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, "interrupted while running " + name + " " + command);
    }
  }

  private static void copy(InputStream in, ByteArrayOutputStream out) {
    try (in) {
      in.transferTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The script's own error line, e.g. "flink-cluster.sh: error: port 8081 ... is already in use". */
  private static String lastLine(String output) {
    String trimmed = output.strip();
    return trimmed.substring(trimmed.lastIndexOf('\n') + 1);
  }
}
