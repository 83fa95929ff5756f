package io.tributary.jobs.serve;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * A small blocking HTTP/1.1 client for the model server: one kept-alive connection, one request at
 * a time, no hidden retries (a failed request is an {@link IOException}, never silently sent
 * again), for load generators and tests that must count every failure. Not thread-safe: use one
 * per thread.
 *
 * <pre>{@code
 * try (ServeClient client = new ServeClient(URI.create("http://127.0.0.1:8501"), Duration.ofSeconds(30))) {
 *   ServeClient.Answer answer = client.post("/v1/models/penguin:predict", "{\"instances\": [...]}");
 *   answer.status();   // 200
 *   answer.body();     // {"model_version":1,"predictions":[...]}
 * }
 * }</pre>
 *
 * <p>Why not {@code java.net.http.HttpClient}: on JDK 17 its connection pool can hand a response
 * to the idle-connection watcher when a kept-alive connection is reused under load
 * (JDK-8338569), failing requests the server answered; {@code HttpURLConnection} retries a
 * failed POST by default. Either would blur what a benchmark or a hot-swap test measures.
 */
public final class ServeClient implements AutoCloseable {

  /** An answer: the HTTP status and the body as text. */
  public record Answer(int status, String body) {}

  private final URI base;
  private final int timeoutMillis;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  public ServeClient(URI base, Duration timeout) {
    this.base = base;
    this.timeoutMillis = Math.toIntExact(timeout.toMillis());
  }

  public Answer get(String path) throws IOException {
    return exchange("GET", path, new byte[0]);
  }

  public Answer post(String path, String json) throws IOException {
    return exchange("POST", path, json.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends one request on the kept-alive connection (opening it if needed) and reads the answer. */
  public Answer exchange(String method, String path, byte[] body) throws IOException {
    if (socket == null) {
      connect();
    }
    try {
      String head = method + " " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
          + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      return read();
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  private void connect() throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), timeoutMillis);
    socket.setSoTimeout(timeoutMillis);
    in = new BufferedInputStream(socket.getInputStream());
    out = socket.getOutputStream();
  }

  private Answer read() throws IOException {
    String status = line();
    String[] parts = status.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP response: " + status);
    }
    long length = -1;
    boolean chunked = false;
    boolean closing = false;
    for (String header = line(); !header.isEmpty(); header = line()) {
      String name = header.substring(0, Math.max(0, header.indexOf(':'))).trim().toLowerCase(Locale.ROOT);
      String value = header.substring(header.indexOf(':') + 1).trim();
      switch (name) {
        case "content-length" -> length = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
        case "connection" -> closing = value.equalsIgnoreCase("close");
        default -> { }
      }
    }
    byte[] body = chunked ? chunks() : length >= 0 ? exactly(length) : in.readAllBytes();
    if (closing || (!chunked && length < 0)) {
      close();
    }
    return new Answer(Integer.parseInt(parts[1]), new String(body, StandardCharsets.UTF_8));
  }

  private byte[] chunks() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String size = line();
      int semicolon = size.indexOf(';');
      long length = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
      if (length == 0) {
        while (!line().isEmpty()) {
          // Trailers carry nothing the server sends; skip them.
        }
        return body.toByteArray();
      }
      body.write(exactly(length));
      line();
    }
  }

  private byte[] exactly(long length) throws IOException {
    byte[] bytes = in.readNBytes(Math.toIntExact(length));
    if (bytes.length != length) {
      throw new IOException("the connection closed after " + bytes.length + " of " + length + " body bytes");
    }
    return bytes;
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("the connection closed before the answer was complete");
      }
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // Closing a socket that already failed: nothing left to release.
      }
      socket = null;
    }
  }
}
