package io.tributary.jobs.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.jobs.testing.PenguinTraining;
import io.tributary.jobs.testing.ServingFixture;
import io.tributary.transforms.examples.ExampleFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 300 clients trickling request bodies to a real server on 127.0.0.1 (with the default options)
 * while a good client's predict requests keep being answered. Before bodies were read without
 * holding a thread, the slow clients held all of Jetty's threads and no good request was answered.
 */
class SlowClientsTest {

  private static final int SLOW_CLIENTS = 300;

  @TempDir Path dir;

  @Test
  void goodRequestsAreAnsweredWhileThreeHundredClientsTrickleTheirBodies() throws Exception {
    Path serving = dir.resolve("serving");
    ServingFixture.push(serving, "penguin", 1);
    ServeConfig config = ServeConfig.builder(serving).port(0).pollInterval(Duration.ofMillis(50)).build();
    String body = "{\"instances\":[" + ModelServerTest.rawInstance(
        ExampleFiles.read(PenguinTraining.get().examples.resolve("Split-eval")).get(0)) + "]}";

    try (ModelServer server = ModelServer.start(config, quiet());
        ServeClient good = new ServeClient(server.uri(), Duration.ofSeconds(5))) {
      assertEquals(List.of(), server.awaitFirstScan(Duration.ofMinutes(1)));
      try (SlowClients slow = SlowClients.open(server.uri(), SLOW_CLIENTS, Duration.ofSeconds(1), Duration.ofSeconds(12))) {
        Thread.sleep(1500);   // every slow client has sent its headers and is waiting for its next byte
        List<Long> micros = new ArrayList<>();
        long end = System.nanoTime() + Duration.ofSeconds(6).toNanos();
        while (System.nanoTime() < end) {
          long start = System.nanoTime();
          ServeClient.Answer answer;
          try {
            answer = good.post("/v1/models/penguin:predict", body);
          } catch (SocketTimeoutException e) {
            throw new AssertionError("a good request was not answered within 5 s while " + SLOW_CLIENTS
                + " slow clients were connected (" + micros.size() + " answered before)", e);
          }
          micros.add((System.nanoTime() - start) / 1000);
          assertEquals(200, answer.status(), answer.body());
        }
        assertEquals(SLOW_CLIENTS, slow.open(), "the slow clients stayed connected while the good requests ran");
        micros.sort(null);
        System.out.printf("SlowClientsTest: %d good requests while %d slow clients were connected:"
                + " p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
            micros.size(), SLOW_CLIENTS, micros.get(micros.size() / 2) / 1000.0,
            micros.get((int) Math.ceil(micros.size() * 0.99) - 1) / 1000.0, micros.get(micros.size() - 1) / 1000.0);
        assertTrue(micros.size() >= 10, "only " + micros.size() + " good requests answered in 6 s");
      }
    }
  }

  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }
}
