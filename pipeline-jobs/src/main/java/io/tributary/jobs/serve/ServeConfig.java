package io.tributary.jobs.serve;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the model server runs: what it serves, where it listens, how often it looks for new
 * versions, how large a request may be, and how long and how many requests it waits for. Built with {@link #builder(Path)}; every value is
 * checked when built, and a wrong one fails with a message naming the option to fix.
 *
 * <pre>{@code
 * ServeConfig config = ServeConfig.builder(Path.of("/srv/models")).port(0).pollInterval(Duration.ofMillis(200)).build();
 * }</pre>
 *
 * @param modelsDir the serving directory the Pusher writes ({@code <modelsDir>/<model>/<version>/})
 * @param host the address to bind; loopback unless told otherwise
 * @param port the TCP port; 0 picks a free one
 * @param pollInterval how often the serving directory is scanned for new or removed versions
 * @param maxBodyBytes the largest request body accepted (413 above)
 * @param maxInstances the most instances one predict request may carry (413 above)
 * @param keepVersions how many of the newest versions of each model are kept loaded and addressable
 * @param loadRetries how often, and how far apart, a version that failed to load is tried again
 * @param idleTimeout how long a connection may send nothing before it is closed
 * @param bodyTimeout how long a request's whole body may take to arrive (408 after)
 * @param maxConcurrentRequests the most requests in progress at once, those still receiving their
 *     body included (503 at once above): bounds the memory bodies take, at most this many times
 *     {@code maxBodyBytes}
 * @param maxConnections the most connections open at once: bounds the sockets and buffers clients
 *     can hold. At the limit the server stops accepting: new connections wait in the system's
 *     accept queue until one closes (an idle one after {@code idleTimeout}). HTTP/1.1 itself
 *     allows one request at a time per connection
 */
public record ServeConfig(
    Path modelsDir, String host, int port, Duration pollInterval, int maxBodyBytes, int maxInstances, int keepVersions,
    LoadRetries loadRetries, Duration idleTimeout, Duration bodyTimeout, int maxConcurrentRequests,
    int maxConnections) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8501;
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
  public static final int DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;
  public static final int DEFAULT_MAX_INSTANCES = 1000;
  public static final int DEFAULT_KEEP_VERSIONS = 1;
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
  public static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(30);
  public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 512;
  public static final int DEFAULT_MAX_CONNECTIONS = 2048;

  /** Bodies are read into one array: beyond this a client should split its batch anyway. */
  static final int LARGEST_BODY_LIMIT = 1 << 30;

  public ServeConfig {
    if (modelsDir == null) {
      throw new IllegalArgumentException("--models is required: name the serving directory the Pusher writes");
    }
    modelsDir = modelsDir.toAbsolutePath().normalize();
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("--host is empty: give an address to bind, e.g. " + DEFAULT_HOST);
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port=" + port + " is not a TCP port: use 1 to 65535, or 0 for a free one");
    }
    if (pollInterval == null || pollInterval.toMillis() < 10) {
      throw new IllegalArgumentException("--pollSeconds must be at least 0.01 (10 ms)");
    }
    if (maxBodyBytes < 1 || maxBodyBytes > LARGEST_BODY_LIMIT) {
      throw new IllegalArgumentException("--maxBodyBytes=" + maxBodyBytes + ": use 1 to " + LARGEST_BODY_LIMIT);
    }
    if (maxInstances < 1) {
      throw new IllegalArgumentException("--maxInstances=" + maxInstances + ": allow at least 1 instance per request");
    }
    if (keepVersions < 1) {
      throw new IllegalArgumentException("--keepVersions=" + keepVersions + ": keep at least the newest version loaded");
    }
    if (loadRetries == null) {
      throw new IllegalArgumentException("loadRetries is required: LoadRetries.DEFAULT tries a failed version 5 more times, a minute apart");
    }
    if (idleTimeout == null || idleTimeout.toMillis() < 100) {
      throw new IllegalArgumentException("--idleTimeoutSeconds must be at least 0.1: a connection needs time to send its request");
    }
    if (bodyTimeout == null || bodyTimeout.toMillis() < 100) {
      throw new IllegalArgumentException("--bodyTimeoutSeconds must be at least 0.1: a body needs time to arrive");
    }
    if (maxConcurrentRequests < 1) {
      throw new IllegalArgumentException("--maxConcurrentRequests=" + maxConcurrentRequests + ": allow at least 1 request at a time");
    }
    if (maxConnections < 1) {
      throw new IllegalArgumentException("--maxConnections=" + maxConnections + ": allow at least 1 connection at a time");
    }
  }

  /** A builder with every default set; only the serving directory is required. */
  public static Builder builder(Path modelsDir) {
    return new Builder(modelsDir);
  }

  /** Collects the settings; {@link #build()} checks them. */
  public static final class Builder {
    private final Path modelsDir;
    private String host = DEFAULT_HOST;
    private int port = DEFAULT_PORT;
    private Duration pollInterval = DEFAULT_POLL_INTERVAL;
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private int maxInstances = DEFAULT_MAX_INSTANCES;
    private int keepVersions = DEFAULT_KEEP_VERSIONS;
    private LoadRetries loadRetries = LoadRetries.DEFAULT;
    private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
    private Duration bodyTimeout = DEFAULT_BODY_TIMEOUT;
    private int maxConcurrentRequests = DEFAULT_MAX_CONCURRENT_REQUESTS;
    private int maxConnections = DEFAULT_MAX_CONNECTIONS;

    private Builder(Path modelsDir) {
      this.modelsDir = modelsDir;
    }

    public Builder host(String host) {
      this.host = host;
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder pollInterval(Duration pollInterval) {
      this.pollInterval = pollInterval;
      return this;
    }

    public Builder maxBodyBytes(int maxBodyBytes) {
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    public Builder maxInstances(int maxInstances) {
      this.maxInstances = maxInstances;
      return this;
    }

    public Builder keepVersions(int keepVersions) {
      this.keepVersions = keepVersions;
      return this;
    }

    public Builder loadRetries(LoadRetries loadRetries) {
      this.loadRetries = loadRetries;
      return this;
    }

    public Builder idleTimeout(Duration idleTimeout) {
      this.idleTimeout = idleTimeout;
      return this;
    }

    public Builder bodyTimeout(Duration bodyTimeout) {
      this.bodyTimeout = bodyTimeout;
      return this;
    }

    public Builder maxConcurrentRequests(int maxConcurrentRequests) {
      this.maxConcurrentRequests = maxConcurrentRequests;
      return this;
    }

    public Builder maxConnections(int maxConnections) {
      this.maxConnections = maxConnections;
      return this;
    }

    public ServeConfig build() {
      return new ServeConfig(modelsDir, host, port, pollInterval, maxBodyBytes, maxInstances, keepVersions, loadRetries,
          idleTimeout, bodyTimeout, maxConcurrentRequests, maxConnections);
    }
  }
}
