package io.tributary.jobs.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that runs a headless Debian Chromium for the tests of a class, to render
 * HTML reports as a user's browser would and inspect them through {@link DevTools}.
 *
 * <pre>{@code
 * @ExtendWith(LocalChromium.class)
 * class ReportTest {
 *   @Test
 *   void rendersTables(LocalChromium chromium) {
 *     try (DevTools page = chromium.open(Path.of("report.html"))) {
 *       assertEquals(3, page.evaluate("document.querySelectorAll('table').length").asInt());
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>The browser is installed by {@code runners-config/scripts/local-chromium.sh} when {@code
 * /usr/bin/chromium} is missing, started once per test class with a fresh profile folder and
 * {@code --remote-debugging-port=0} (it picks a free port and writes it to the profile's {@code
 * DevToolsActivePort}, so parallel runs never collide), and killed, with its profile deleted, after
 * the class. Background networking, updates and sync are off: a test never reaches the network.
 *
 * <p>If Chromium cannot be had, the tests of the class fail when the environment variable {@code CI}
 * is {@code true}, and are aborted (reported as skipped) with the reason otherwise.
 */
public final class LocalChromium implements BeforeAllCallback, ParameterResolver {

  static final String SCRIPT = "runners-config/scripts/local-chromium.sh";
  private static final Path DEBIAN_CHROMIUM = Paths.get("/usr/bin/chromium");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LocalChromium.class);

  private Browser browser;

  // JUnit instantiates the extension reflectively for @ExtendWith.
  private LocalChromium() {}

  @Override
  public void beforeAll(ExtensionContext context) {
    Optional<Path> binary = binary();
    if (binary.isEmpty()) {
      unavailable(context, "Chromium is not installed and " + SCRIPT + " could not install it");
    }
    try {
      browser =
          context
              .getStore(NAMESPACE)
              .getOrComputeIfAbsent(Browser.class, type -> Browser.start(binary.get()), Browser.class);
    } catch (IllegalStateException e) {
      unavailable(context, e.getMessage());
    }
  }

  /**
   * Opens {@code file} in a new tab of the browser and waits until its scripts have run. The events
   * of the DevTools {@code domains} named (e.g. {@code Network}, {@code Runtime}, {@code Log}) are
   * enabled before the page loads, so {@link DevTools#events(String)} sees all of them.
   */
  public DevTools open(Path file, String... domains) {
    DevTools page = DevTools.connect(browser.newPage());
    for (String domain : domains) {
      page.call(domain + ".enable", DevTools.params());
    }
    page.navigate(file.toAbsolutePath().toUri());
    return page;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LocalChromium.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return this;
  }

  private static void unavailable(ExtensionContext context, String reason) {
    String message = "Headless Chromium is not available: " + reason;
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      Assertions.fail(message);
    }
    System.err.println("LocalChromium: skipping " + context.getDisplayName() + ". " + message);
    Assumptions.abort(message + " (tests skipped; with CI=true they fail)");
  }

  /** Debian's Chromium, installed by the project's script if need be. */
  private static Optional<Path> binary() {
    if (Files.isExecutable(DEBIAN_CHROMIUM)) {
      return Optional.of(DEBIAN_CHROMIUM);
    }
    Optional<Path> script = LocalFlinkCluster.findScript(Paths.get("").toAbsolutePath(), SCRIPT);
    if (script.isEmpty()) {
      return Optional.empty();
    }
    try {
      Process process =
          new ProcessBuilder("bash", script.get().toString())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      if (!process.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return Optional.empty();
      }
      String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return process.exitValue() == 0 && !printed.isEmpty() ? Optional.of(Paths.get(printed)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** One headless Chromium process and its throw-away profile. */
  private static final class Browser implements ExtensionContext.Store.CloseableResource {
    private final Process process;
    private final Path profile;
    private final int port;

    private Browser(Process process, Path profile, int port) {
      this.process = process;
      this.profile = profile;
      this.port = port;
    }

    static Browser start(Path binary) {
      Path profile;
      try {
        profile = Files.createTempDirectory("tributary-chromium-");
      } catch (IOException e) {
        throw new IllegalStateException("cannot create a Chromium profile folder: " + e.getMessage(), e);
      }
      List<String> command =
          List.of(
              binary.toString(),
              "--headless",
              "--no-sandbox",
              "--disable-gpu",
              "--disable-background-networking",
              "--disable-component-update",
              "--disable-sync",
              "--no-first-run",
              "--hide-scrollbars",
              "--window-size=1400,1000",
              "--user-data-dir=" + profile,
              "--remote-debugging-address=127.0.0.1",
              "--remote-debugging-port=0",
              "about:blank");
      Process process;
      try {
        process =
            new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(profile.resolve("chromium.log").toFile())
                .redirectErrorStream(true)
                .start();
      } catch (IOException e) {
        delete(profile);
        throw new IllegalStateException("cannot start " + binary + ": " + e.getMessage(), e);
      }
      return new Browser(process, profile, waitForPort(process, profile));
    }

    /** The port Chromium chose, from the first line of the profile's DevToolsActivePort. */
    private static int waitForPort(Process process, Path profile) {
      Path portFile = profile.resolve("DevToolsActivePort");
      long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
      while (System.nanoTime() < deadline && process.isAlive()) {
        try {
          List<String> lines = Files.exists(portFile) ? Files.readAllLines(portFile) : List.of();
          if (lines.size() >= 2) {
            return Integer.parseInt(lines.get(0).strip());
          }
          Thread.sleep(100);
        } catch (IOException | NumberFormatException partlyWritten) {
          // Chromium writes the file while we read it; try again.
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      String log = tail(profile.resolve("chromium.log"));
      process.destroyForcibly();
      delete(profile);
      throw new IllegalStateException("Chromium did not open its DevTools port within " + START_TIMEOUT + ": " + log);
    }

    /** A new tab's WebSocket address ({@code PUT /json/new}, which current Chromium requires). */
    URI newPage() {
      try {
        HttpResponse<String> response =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/new?about:blank"))
                        .PUT(HttpRequest.BodyPublishers.noBody())
                        .timeout(START_TIMEOUT)
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        JsonNode target = JSON.readTree(response.body());
        return URI.create(target.get("webSocketDebuggerUrl").asText());
      } catch (IOException e) {
        throw new IllegalStateException("cannot open a Chromium tab: " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted opening a Chromium tab", e);
      }
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      delete(profile);
    }

    private static String tail(Path log) {
      try {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
      } catch (IOException e) {
        return "(no log)";
      }
    }

    /**
     * Deletes the profile, a few times over: Chromium's helper processes may still be writing and
     * renaming temporary files in it for a moment after the browser has exited, and a file that
     * vanishes during the walk ({@code NoSuchFileException}, unchecked from {@code Files.walk}) failed
     * a whole test class in CI.
     */
    private static void delete(Path folder) {
      for (int attempt = 1; attempt <= 5 && Files.exists(folder); attempt++) {
        try (Stream<Path> paths = Files.walk(folder)) {
          paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException e) {
          if (attempt == 5) {
            System.err.println("LocalChromium: cannot delete " + folder + ": " + e.getMessage());
          }
        }
      }
    }
  }
}
