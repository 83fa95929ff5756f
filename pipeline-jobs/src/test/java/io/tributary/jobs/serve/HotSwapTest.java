package io.tributary.jobs.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.jobs.testing.PenguinTraining;
import io.tributary.jobs.testing.ServingFixture;
import io.tributary.transforms.examples.ExampleFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A version pushed while clients hammer the server is swapped in without one failed request. */
class HotSwapTest {

  private static final int CLIENTS = 4;

  @TempDir Path dir;

  @Test
  void swapsInANewVersionUnderLoadWithoutFailingARequest() throws Exception {
    Path serving = dir.resolve("serving");
    ServingFixture.push(serving, "penguin", 1);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    ServeConfig config = ServeConfig.builder(serving).port(0).pollInterval(Duration.ofMillis(50)).build();
    String body = "{\"instances\":[" + ModelServerTest.rawInstance(
        ExampleFiles.read(PenguinTraining.get().examples.resolve("Split-eval")).get(0)) + "]}";

    try (ModelServer server = ModelServer.start(config, new PrintStream(log, true, StandardCharsets.UTF_8))) {
      assertEquals(List.of(), server.awaitFirstScan(Duration.ofMinutes(1)));
      AtomicBoolean stop = new AtomicBoolean();
      AtomicLong fromV1 = new AtomicLong();
      AtomicLong fromV2 = new AtomicLong();
      ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      List<Future<?>> running = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      for (int c = 0; c < CLIENTS; c++) {
        running.add(clients.submit(() -> {
          // Each client keeps one connection alive across the swap; bounded by the deadline.
          try (HttpJson http = new HttpJson(server.uri())) {
            while (!stop.get() && System.nanoTime() < deadline) {
              HttpJson.Answer answer = http.post("/v1/models/penguin:predict", body);
              if (answer.status() != 200) {
                failures.add(answer.status() + " " + answer.text());
                continue;
              }
              long version = answer.json().get("model_version").asLong();
              (version == 1 ? fromV1 : fromV2).incrementAndGet();
            }
          }
        }));
      }
      while (fromV1.get() < 50 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      ServingFixture.push(serving, "penguin", 2);
      long swapped = fromV1.get();
      while (fromV2.get() < 200 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      stop.set(true);
      for (Future<?> client : running) {
        client.get();
      }
      clients.shutdown();

      assertEquals(List.of(), List.copyOf(failures), "no request failed during the swap");
      assertTrue(swapped >= 50, "version 1 answered before the push: " + swapped);
      assertTrue(fromV2.get() >= 200, "version 2 answers after the push: " + fromV2.get());
      JsonNode status;
      try (HttpJson http = new HttpJson(server.uri())) {
        status = http.get("/v1/models/penguin").json().get("model_version_status");
      }
      assertEquals("AVAILABLE", status.get(0).get("state").asText(), status.toString());
      assertEquals("NOT_LOADED", status.get(1).get("state").asText(), "version 1 was released: " + status);
      String events = log.toString(StandardCharsets.UTF_8);
      assertTrue(events.contains("loaded penguin version 2") && events.contains("released penguin version 1"), events);
    }
  }
}
