package io.tributary.jobs.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.tributary.jobs.examplegen.ExampleGenJob;
import io.tributary.jobs.examplegen.ExampleGenOptions;
import io.tributary.jobs.options.JobArguments;
import io.tributary.jobs.testing.PenguinTraining;
import io.tributary.jobs.testing.ServingFixture;
import io.tributary.transforms.examples.ColumnNames;
import io.tributary.transforms.examples.ExampleFiles;
import io.tributary.transforms.examples.ExamplesIO;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The request log of a real server on 127.0.0.1 serving the penguin model: what it writes is read
 * back with ExampleGen and Avro's own reader; no part of it is mocked.
 */
class RequestLogTest {

  private static final PenguinTraining PENGUINS = PenguinTraining.get();
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String PREDICT = "/v1/models/penguin:predict";
  private static final List<String> RAW = List.of("island", "bill_length_mm", "bill_depth_mm", "flipper_length_mm",
      "body_mass_g", "sex");

  @TempDir Path dir;

  private Path logs;
  private ModelServer server;
  private HttpJson http;
  private List<Row> penguins;

  @BeforeEach
  void publish() {
    ServingFixture.push(dir.resolve("serving"), "penguin", 1);
    logs = dir.resolve("logs");
    penguins = ExampleFiles.read(PENGUINS.examples.resolve("Split-eval"));
  }

  @AfterEach
  void stop() throws Exception {
    if (http != null) {
      http.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private RequestLogConfig.Builder logging(double rate) {
    return RequestLogConfig.builder().dir(logs).sampleRate(rate).rollInterval(Duration.ofMillis(200));
  }

  private void serve(RequestLog log) throws Exception {
    ServeConfig config = ServeConfig.builder(dir.resolve("serving")).port(0).pollInterval(Duration.ofMillis(50)).build();
    server = ModelServer.start(config, log, quiet());
    http = new HttpJson(server.uri());
    assertEquals(List.of(), server.awaitFirstScan(Duration.ofMinutes(1)));
  }

  private void serve(RequestLogConfig config) throws Exception {
    serve(RequestLog.open(config, quiet()));
  }

  @Test
  void loggedRowsReadBackWithExampleGenWithTheAnsweredValues() throws Exception {
    serve(logging(1).build());
    Map<String, JsonNode> sent = new HashMap<>();
    Map<String, JsonNode> answered = new HashMap<>();
    for (int r = 0; r < 10; r++) {
      ArrayNode instances = MAPPER.createArrayNode();
      for (int i = 0; i < 3; i++) {
        instances.add(ModelServerTest.rawInstance(penguins.get(3 * r + i)));
      }
      String id = "order-" + r;
      RawHttp.Answer answer = post("{\"instances\": " + instances + "}", id);
      assertEquals(200, answer.status(), answer.body());
      assertEquals(id, answer.headers().get("x-request-id"), "the client's id comes back");
      JsonNode predictions = MAPPER.readTree(answer.body()).get("predictions");
      for (int i = 0; i < 3; i++) {
        sent.put(id + "/" + i, instances.get(i));
        answered.put(id + "/" + i, predictions.get(i));
      }
    }
    RawHttp.Answer unnamed = post("{\"instances\": [" + ModelServerTest.rawInstance(penguins.get(40)) + "]}", null);
    String generated = unnamed.headers().get("x-request-id");
    assertTrue(generated.matches("[0-9a-f-]{36}"), "the server makes an id: " + generated);
    server.close();
    server = null;

    Path examples = dir.resolve("examples");
    new ExampleGenJob(JobArguments.parse(new String[] {
        "--input=" + logs + "/penguin/span-{SPAN}/*.avro", "--output=" + examples}, ExampleGenOptions.class), quiet()).run();
    List<Row> rows = new ArrayList<>(ExampleFiles.read(examples.resolve("Split-train")));
    rows.addAll(ExampleFiles.read(examples.resolve("Split-eval")));
    assertEquals(31, rows.size());
    ColumnNames columns = ExamplesIO.readColumnNames(examples.resolve("Split-train").toString());
    List<String> expected = new ArrayList<>(RAW);
    expected.addAll(List.of("request_id", "request_instance", "request_time_ms", "model_name", "model_version", "prediction",
        "probability_Adelie", "probability_Chinstrap", "probability_Gentoo"));
    assertEquals(expected, columns.fields(), "raw features (no label), then the prediction columns");

    long before = Instant.now().toEpochMilli();
    for (Row row : rows) {
      String id = row.getString("request_id");
      if (id.equals(generated)) {
        continue;
      }
      String key = id + "/" + row.getInt64("request_instance");
      JsonNode instance = sent.get(key);
      JsonNode prediction = answered.get(key);
      assertNotNull(instance, key);
      for (String column : RAW) {
        Object logged = row.getValue(column);
        JsonNode given = instance.get(column);
        if (given.isNull()) {
          assertNull(logged, key + " " + column);
        } else if (given.isTextual()) {
          assertEquals(given.asText(), logged, key + " " + column);
        } else {
          assertEquals(given.asDouble(), ((Number) logged).doubleValue(), 0, key + " " + column);
        }
      }
      assertEquals(prediction.get("prediction").asText(), row.getString("prediction"), key);
      for (String cls : List.of("Adelie", "Chinstrap", "Gentoo")) {
        assertEquals(prediction.get("probabilities").get(cls).asDouble(), row.getDouble("probability_" + cls), 0, key);
      }
      assertEquals("penguin", row.getString("model_name"));
      assertEquals(1L, row.getInt64("model_version"));
      assertTrue(row.getInt64("request_time_ms") <= before && row.getInt64("request_time_ms") > before - 600_000);
    }
    assertTrue(rows.stream().anyMatch(row -> row.getString("request_id").equals(generated)), "the made id is logged");
  }

  @Test
  void sampleRateIsHonouredAndCounted() throws Exception {
    serve(logging(0.5).build());
    String body = "{\"instances\": [" + ModelServerTest.rawInstance(penguins.get(0)) + "]}";
    for (int i = 0; i < 2000; i++) {
      assertEquals(200, http.post(PREDICT, body).status());
    }
    JsonNode log = http.get("/v1/metrics").json().get("request_log");
    server.close();
    server = null;
    long rows = loggedRows();
    // Server-made ids are random: Binomial(2000, 0.5) has a standard deviation of 22.4; 200 is about 9 of them.
    assertTrue(Math.abs(rows - 1000) < 200, rows + " of 2000 requests logged at 0.5");
    assertEquals(rows, log.get("sampled_requests").asLong());
    assertEquals(0, log.get("dropped_requests").asLong());
  }

  @Test
  void aFullQueueDropsAndCountsAndNeverHoldsARequest() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    RequestLog log = RequestLog.open(logging(1).queueCapacity(2).build(), quiet(), () -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    serve(log);
    String body = "{\"instances\": [" + ModelServerTest.rawInstance(penguins.get(0)) + "]}";
    long sampled;
    try {
      for (int i = 0; i < 50; i++) {
        // The writer is stuck: a request that waited for the log would never be answered (the client gives up after 30 s).
        assertEquals(200, http.post(PREDICT, body).status());
      }
      JsonNode counts = http.get("/v1/metrics").json().get("request_log");
      sampled = counts.get("sampled_requests").asLong();
      assertEquals(50, sampled + counts.get("dropped_requests").asLong());
      assertEquals(2, sampled, "one request held by the writer and one waiting fill a queue of 2 instances: " + counts);
      assertTrue(http.get("/metrics").text().contains("tributary_serve_request_log_dropped_requests_total " + (50 - sampled)));
    } finally {
      release.countDown();
    }
    server.close();
    server = null;
    assertEquals(sampled, loggedRows(), "what was queued is written on shutdown");
  }

  @Test
  void filesArePublishedWholeWhileRequestsArrive() throws Exception {
    Files.createDirectories(logs.resolve(RequestLogWriter.TEMP_FOLDER));
    Path crashed = Files.writeString(logs.resolve(RequestLogWriter.TEMP_FOLDER).resolve("penguin-v1-half.avro"), "Obj");
    serve(logging(1).rollInterval(Duration.ofMillis(100)).build());
    assertFalse(Files.exists(crashed), "a crashed writer's temporary file is swept on start");
    String body = "{\"instances\": [" + ModelServerTest.rawInstance(penguins.get(0)) + "]}";
    AtomicBoolean sending = new AtomicBoolean(true);
    Thread client = new Thread(() -> {
      try (HttpJson own = new HttpJson(server.uri())) {
        while (sending.get()) {
          own.post(PREDICT, body);
        }
      }
    });
    client.start();
    int reads = 0;
    long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    while (System.nanoTime() < deadline) {
      for (Path file : logFiles()) {
        assertTrue(RequestLogWriter.FILE.matcher(file.getFileName().toString()).matches(), file.toString());
        readAll(file);
        reads++;
      }
    }
    sending.set(false);
    client.join();
    long written = http.get("/v1/metrics").json().get("request_log").get("written_rows").asLong();
    server.close();
    server = null;
    assertTrue(reads > 0, "files were read while being published");
    assertTrue(logFiles().size() >= 2, "files are rotated every 100 ms: " + logFiles());
    assertTrue(loggedRows() >= written);
    try (Stream<Path> temps = Files.list(logs.resolve(RequestLogWriter.TEMP_FOLDER))) {
      assertEquals(0, temps.count(), "nothing is left in .tmp after a clean shutdown");
    }
  }

  @Test
  void retentionDeletesOnlyTheServersOwnExpiredFiles() throws Exception {
    Path old = Files.createDirectories(logs.resolve("penguin/span-202001010000"));
    Files.writeString(old.resolve("v1-20200101T000000Z-0123abcd-000001.avro"), "x");
    Files.writeString(old.resolve("notes.txt"), "kept");
    Path older = Files.createDirectories(logs.resolve("penguin/span-201912312300"));
    Files.writeString(older.resolve("v1-20191231T230000Z-0123abcd-000002.avro"), "x");
    Path notASpan = Files.createDirectories(logs.resolve("penguin/archive"));
    Files.writeString(notASpan.resolve("v1-20200101T000000Z-0123abcd-000001.avro"), "x");
    long current = LogSpan.of(Duration.ofHours(1)).number(Instant.now());
    Path recent = Files.createDirectories(logs.resolve("penguin").resolve(LogSpan.folder(current)));
    Files.writeString(recent.resolve("v1-20200101T000000Z-0123abcd-000003.avro"), "x");

    serve(logging(1).retention(Duration.ofHours(1)).build());
    assertFalse(Files.exists(old.resolve("v1-20200101T000000Z-0123abcd-000001.avro")));
    assertTrue(Files.exists(old.resolve("notes.txt")), "a file the server did not write stays");
    assertFalse(Files.exists(older), "an expired span folder left empty goes");
    assertTrue(Files.exists(notASpan.resolve("v1-20200101T000000Z-0123abcd-000001.avro")), "only span folders expire");
    assertTrue(Files.exists(recent.resolve("v1-20200101T000000Z-0123abcd-000003.avro")), "the current span is kept");
    assertEquals(2, http.get("/v1/metrics").json().get("request_log").get("deleted_files").asLong());
  }

  @Test
  void shutdownPublishesWhatIsStillOpen() throws Exception {
    serve(logging(1).rollInterval(Duration.ofHours(1)).build());
    String body = "{\"partial\": true, \"instances\": [" + ModelServerTest.rawInstance(penguins.get(0)) + ", {}]}";
    for (int i = 0; i < 20; i++) {
      assertEquals(200, http.post(PREDICT, body).status());
    }
    assertEquals(List.of(), logFiles(), "nothing is published before the roll or the shutdown");
    server.close();
    server = null;
    assertEquals(1, logFiles().size());
    assertEquals(20, loggedRows(), "the instance that failed in each partial request is not logged");
  }

  @Test
  void oneServerPerLogFolderAndABadIdIsRefused() throws Exception {
    serve(logging(1).build());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RequestLog.open(logging(1).build(), quiet()));
    assertEquals("another tributary serve writes its request log to " + logs + ": give each server its own --logDir",
        e.getMessage());
    RawHttp.Answer bad = post("{\"instances\": [" + ModelServerTest.rawInstance(penguins.get(0)) + "]}", "two words");
    assertEquals(400, bad.status());
    assertTrue(bad.body().contains("X-Request-Id must be 1 to 128 visible ASCII characters"), bad.body());
  }

  private RawHttp.Answer post(String body, String requestId) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String head = "POST " + PREDICT + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
        + bytes.length + "\r\n" + (requestId == null ? "" : "X-Request-Id: " + requestId + "\r\n") + "\r\n";
    return RawHttp.send(server.uri(), head + body);
  }

  private List<Path> logFiles() throws IOException {
    Path model = logs.resolve("penguin");
    if (!Files.isDirectory(model)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(model)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private long loggedRows() throws IOException {
    long rows = 0;
    for (Path file : logFiles()) {
      rows += readAll(file).size();
    }
    return rows;
  }

  private static List<GenericRecord> readAll(Path file) throws IOException {
    List<GenericRecord> records = new ArrayList<>();
    try (DataFileReader<GenericRecord> reader = new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
      reader.forEach(records::add);
      assertEquals(Files.size(file), reader.previousSync(), file + " ends with its last whole block");
    }
    return records;
  }

  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }
}
