package io.tributary.jobs.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.jobs.testing.ServingFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's own limits and Jetty's refusals, over real sockets: every answer JSON, no Server header. */
class ServerLimitsTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String PREDICT = "/v1/models/penguin:predict";

  @TempDir Path dir;

  private ModelServer server;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private void serve(ServeConfig.Builder config) throws Exception {
    server = ModelServer.start(config.port(0).pollInterval(Duration.ofMillis(50)).build(), quiet());
    server.awaitFirstScan(Duration.ofMinutes(1));
  }

  private ServeConfig.Builder penguin() {
    ServingFixture.push(dir.resolve("serving"), "penguin", 1);
    return ServeConfig.builder(dir.resolve("serving"));
  }

  @Test
  void jettysOwnRefusalsAreJsonWithoutAServerHeader() throws Exception {
    serve(penguin());
    assertJsonError(400, RawHttp.send(server.uri(), RawHttp.get("/v1/models/a%2Fb")));
    assertJsonError(400, RawHttp.send(server.uri(), RawHttp.get("/v1/%2e%2e/models")));
    assertJsonError(400, RawHttp.send(server.uri(), RawHttp.get("//v1/models")));
    assertJsonError(400, RawHttp.send(server.uri(), RawHttp.get("/v1/models%00")));
    assertJsonError(400, RawHttp.send(server.uri(), "NOT HTTP AT ALL\r\n\r\n"));
    assertJsonError(414, RawHttp.send(server.uri(), RawHttp.get("/v1/models/" + "a".repeat(20_000))));
    assertJsonError(431, RawHttp.send(server.uri(), RawHttp.get("/healthz", "X-Big: " + "b".repeat(20_000))));
    RawHttp.Answer healthy = RawHttp.send(server.uri(), RawHttp.get("/healthz"));
    assertEquals(200, healthy.status(), healthy.body());
    assertFalse(healthy.headers().containsKey("server"), "no Server header: " + healthy.headers());
  }

  @Test
  void aBodyThatDoesNotArriveInTimeIs408AndClosesTheConnection() throws Exception {
    serve(penguin().bodyTimeout(Duration.ofMillis(500)));
    try (Socket socket = new Socket(server.uri().getHost(), server.uri().getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(("POST " + PREDICT + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\n{")
          .getBytes(StandardCharsets.US_ASCII));
      RawHttp.Answer answer = RawHttp.read(socket.getInputStream());
      assertJsonError(408, answer);
      assertTrue(answer.body().contains("--bodyTimeoutSeconds"), answer.body());
      assertEquals("close", answer.headers().get("connection"));
    }
  }

  @Test
  void aRequestOverTheConcurrencyLimitIs503AtOnce() throws Exception {
    serve(penguin().maxConcurrentRequests(2));
    try (SlowClients slow = SlowClients.open(server.uri(), 2, Duration.ofMillis(200), Duration.ofSeconds(30))) {
      Thread.sleep(300);   // both slow requests are in progress
      RawHttp.Answer refused = RawHttp.send(server.uri(), RawHttp.get("/healthz"));
      assertJsonError(503, refused);
      assertTrue(refused.body().contains("--maxConcurrentRequests"), refused.body());
      assertEquals("1", refused.headers().get("retry-after"));
    }
    // The slow clients are gone: their slots are free again.
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    int status;
    do {
      status = RawHttp.send(server.uri(), RawHttp.get("/healthz")).status();
    } while (status != 200 && System.nanoTime() < deadline);
    assertEquals(200, status);
  }

  /**
   * Past {@code --maxConnections} the server accepts no more connections: a third client waits,
   * unanswered, until one of the two open connections closes, and is then answered.
   */
  @Test
  void pastTheConnectionLimitAClientWaitsUntilAConnectionCloses() throws Exception {
    serve(penguin().maxConnections(2).idleTimeout(Duration.ofMinutes(5)));
    Socket first = new Socket(server.uri().getHost(), server.uri().getPort());
    try (Socket second = new Socket(server.uri().getHost(), server.uri().getPort());
        Socket third = new Socket(server.uri().getHost(), server.uri().getPort())) {
      third.getOutputStream().write(RawHttp.get("/healthz").getBytes(StandardCharsets.US_ASCII));
      third.setSoTimeout(1_500);
      assertThrows(SocketTimeoutException.class, () -> third.getInputStream().read(),
          "the third connection was answered while two were open");
      first.close();
      third.setSoTimeout(15_000);
      RawHttp.Answer answer = RawHttp.read(third.getInputStream());
      assertEquals(200, answer.status(), answer.body());
    } finally {
      first.close();
    }
  }

  private static void assertJsonError(int status, RawHttp.Answer answer) throws Exception {
    assertEquals(status, answer.status(), answer.body());
    assertTrue(answer.headers().getOrDefault("content-type", "").startsWith("application/json"), answer.headers().toString());
    JsonNode json = MAPPER.readTree(answer.body());
    assertNotNull(json.get("error"), answer.body());
    assertFalse(answer.headers().containsKey("server"), "no Server header: " + answer.headers());
  }

  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }
}
