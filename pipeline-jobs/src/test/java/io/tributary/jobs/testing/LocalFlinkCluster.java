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
 * A JUnit 5 extension that makes sure the real local Flink 1.19 session cluster (one JobManager,
 * one TaskManager with 2 slots, on 127.0.0.1) runs before the tests of a class, by calling {@code
 * runners-config/scripts/flink-cluster.sh start}.
 *
 * <pre>{@code
 * @ExtendWith(LocalFlinkCluster.class)
 * class CountsOnFlinkTest {
 *   @Test
 *   void countsOnTheCluster(LocalFlinkCluster flink) {
 *     String[] args = {
 *       "--runner=FlinkRunner",
 *       "--flinkMaster=" + flink.masterAddress(),
 *       "--filesToStage=target/tributary.jar",
 *       "--parallelism=2"
 *     };
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>or {@code @RegisterExtension static final LocalFlinkCluster FLINK = LocalFlinkCluster.create();}
 * to use {@link #masterAddress()} from fields and {@code @BeforeAll} methods.
 *
 * <p>Lifecycle: the cluster is started at most once per test run (the JUnit launcher session) and
 * shared by every class that uses the extension. When the run ends it is stopped, but only if this
 * extension started it: a cluster that was already running (e.g. started by hand) is left alone.
 * The first start fetches the Flink jars with Maven (a few seconds from a warm local repository).
 *
 * <p>If the cluster cannot start (port 8081 taken, no {@code mvn}, the script not found), the
 * tests of the class fail when the environment variable {@code CI} is {@code true}, and are
 * aborted (reported as skipped) with the reason otherwise. The script's output, including the
 * tail of the Flink logs, is printed to standard output; the logs themselves are in {@code
 * runners-config/flink-cluster/run/log/}.
 */
public final class LocalFlinkCluster implements BeforeAllCallback, ParameterResolver {

  /** The host and port of the cluster's REST endpoint, as {@code --flinkMaster} wants it. */
  public static final String MASTER_ADDRESS = "127.0.0.1:8081";

  /** Where, relative to the repository root, the start/stop script lives. */
  static final String SCRIPT = "runners-config/scripts/flink-cluster.sh";

  /** What {@code flink-cluster.sh start} prints when it found the cluster running already. */
  static final String ALREADY_RUNNING = "already running";

  /** Bounds one call of the script; the first start also downloads the jars. */
  private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(10);

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LocalFlinkCluster.class);

  /** Creates the extension, for {@code @RegisterExtension}. */
  public static LocalFlinkCluster create() {
    return new LocalFlinkCluster();
  }

  // JUnit instantiates the extension reflectively for @ExtendWith.
  private LocalFlinkCluster() {}

  /** The value for {@code --flinkMaster}: {@value #MASTER_ADDRESS}. */
  public String masterAddress() {
    return MASTER_ADDRESS;
  }

  /** The web UI and REST API, e.g. {@code webUrl() + "/overview"}. */
  public String webUrl() {
    return "http://" + MASTER_ADDRESS;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    // The root store lives as long as the test run and closes its resources at the end of it.
    Session session =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(Session.class, type -> Session.start(), Session.class);
    session.failure.ifPresent(reason -> cannotStart(context, reason));
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LocalFlinkCluster.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return this;
  }

  private static void cannotStart(ExtensionContext context, String reason) {
    String message = "The local Flink cluster could not start: " + reason;
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      Assertions.fail(message);
    }
    // Surefire reports a class aborted in beforeAll as "Tests run: 0" without the reason: say it.
    System.err.println(
        "LocalFlinkCluster: skipping " + context.getDisplayName() + ". " + message);
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

    static Session start() {
      Optional<Path> script = findScript(Paths.get("").toAbsolutePath());
      if (script.isEmpty()) {
        return new Session(
            null,
            false,
            Optional.of(
                SCRIPT + " not found in " + Paths.get("").toAbsolutePath() + " or its parents"));
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
          System.err.println("flink-cluster.sh stop failed (exit " + result.exitCode + ")");
        }
      }
    }
  }

  /** Walks up from {@code start} to the first folder that holds {@value #SCRIPT}. */
  static Optional<Path> findScript(Path start) {
    return findScript(start, SCRIPT);
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
    ProcessBuilder builder =
        new ProcessBuilder("bash", script.toString(), command).redirectErrorStream(true);
    // Never wait for input: the script reads none, and a prompt would hang the test run.
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    try {
      Process process = builder.start();
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      Thread pump = new Thread(() -> copy(process.getInputStream(), output), "flink-cluster.sh");
      pump.setDaemon(true);
      pump.start();
      if (!process.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        // SIGTERM first: the script then stops the JVMs it had launched.
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
        return new Result(-1, "flink-cluster.sh " + command + " timed out after " + SCRIPT_TIMEOUT);
      }
      pump.join(TimeUnit.SECONDS.toMillis(5));
      String text = output.toString(StandardCharsets.UTF_8);
      System.out.print(text);
      return new Result(process.exitValue(), text);
    } catch (IOException e) {
      return new Result(-1, "cannot run " + script + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, "interrupted while running flink-cluster.sh " + command);
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
