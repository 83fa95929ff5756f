package io.tributary.jobs.serve;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The model server: Jetty on {@code host:port} in front of the {@link Api}, with a
 * {@link ModelManager} watching the serving directory. {@code tributary serve} runs one; tests
 * start one on port 0.
 *
 * <pre>{@code
 * try (ModelServer server = ModelServer.start(ServeConfig.builder(Path.of("/srv/models")).build(), System.out)) {
 *   server.awaitFirstScan(Duration.ofMinutes(1));   // reasons it is not ready, or empty
 *   // POST http://127.0.0.1:8501/v1/models/penguin:predict
 *   server.join();
 * }
 * }</pre>
 *
 * <p>Slow clients cost a connection, not a thread: bodies are received without blocking, within
 * {@code --bodyTimeoutSeconds}; idle connections close after {@code --idleTimeoutSeconds}; past
 * {@code --maxConcurrentRequests} requests in progress the answer is 503 at once; past {@code
 * --maxConnections} open connections new ones wait to be accepted until one closes. Every error,
 * Jetty's own included ({@link JsonErrorHandler}), is JSON, and no {@code Server} header names the
 * software.
 *
 * <p>Requests run on Jetty's thread pool and share each loaded version (Tribuo models and fitted
 * transforms are immutable once loaded). Loading happens on the manager's own thread, so a slow
 * load never holds a request.
 */
public final class ModelServer implements AutoCloseable {

  private final Server server;
  private final ModelManager models;
  private final URI uri;
  private final RequestLog requestLog;

  private ModelServer(Server server, ModelManager models, URI uri, RequestLog requestLog) {
    this.server = server;
    this.models = models;
    this.uri = uri;
    this.requestLog = requestLog;
  }

  /**
   * Binds, starts answering (readiness says when models are in) and starts watching the serving
   * directory; fails with {@link IllegalArgumentException} when it is not a folder.
   */
  public static ModelServer start(ServeConfig config, PrintStream log) throws Exception {
    return start(config, RequestLogConfig.OFF, log);
  }

  /**
   * {@link #start(ServeConfig, PrintStream)}, logging sampled predict requests as {@code
   * requestLog} says ({@link RequestLog}); a log folder that cannot be used fails the start.
   */
  public static ModelServer start(ServeConfig config, RequestLogConfig requestLog, PrintStream log) throws Exception {
    if (!Files.isDirectory(config.modelsDir())) {
      throw new IllegalArgumentException(
          config.modelsDir() + " is not a folder: --models names the serving directory the Pusher writes to");
    }
    return start(config, RequestLog.open(requestLog, log), log);
  }

  /** Starts with a request log already open; it is closed with the server, or here if the start fails. */
  static ModelServer start(ServeConfig config, RequestLog requestLog, PrintStream log) throws Exception {
    try {
      return serve(config, requestLog, log);
    } catch (Exception | Error e) {
      requestLog.close();
      throw e;
    }
  }

  private static ModelServer serve(ServeConfig config, RequestLog requestLog, PrintStream log) throws Exception {
    ModelManager models = new ModelManager(config.modelsDir(), config.keepVersions(), config.loadRetries(), log);
    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("tributary-serve");
    Server server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setIdleTimeout(config.idleTimeout().toMillis());
    connector.setHost(config.host());
    connector.setPort(config.port());
    server.addConnector(connector);
    server.addBean(new NetworkConnectionLimit(config.maxConnections(), connector));
    server.setErrorHandler(new JsonErrorHandler());
    server.setHandler(new JettyHandler(new Api(models, new ServeMetrics(requestLog), config, requestLog), config, log));
    try {
      server.start();
    } catch (Exception e) {
      models.close();
      server.stop();
      throw new IllegalArgumentException(
          "cannot listen on " + config.host() + ":" + config.port() + " (" + e.getMessage() + "): choose another --port or --host", e);
    }
    models.start(config.pollInterval());
    String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
    return new ModelServer(server, models, URI.create("http://" + host + ":" + connector.getLocalPort()), requestLog);
  }

  /** The base address, e.g. {@code http://127.0.0.1:8501}. */
  public URI uri() {
    return uri;
  }

  /**
   * Waits for the first scan of the serving directory and the loads it started, then says why the
   * server is not ready (as {@code GET /ready} does); an empty list means every model is served.
   */
  public List<String> awaitFirstScan(Duration timeout) throws InterruptedException {
    if (!models.awaitFirstScan(timeout)) {
      return List.of("the first scan of the serving directory did not finish within " + timeout);
    }
    return models.table().notReady();
  }

  /** Blocks until the server stops (on SIGTERM, through Jetty's shutdown hook when enabled). */
  public void join() throws InterruptedException {
    server.join();
  }

  /**
   * Stops answering (requests in progress finish), stops watching, and then writes what the
   * request log still holds and publishes its files.
   */
  @Override
  public void close() throws Exception {
    try {
      models.close();
      server.stop();
    } finally {
      requestLog.close();
    }
  }
}
