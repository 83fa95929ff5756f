package io.tributary.jobs.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.jobs.infer.InferJob;
import io.tributary.jobs.infer.InferOptions;
import io.tributary.jobs.options.JobArguments;
import io.tributary.jobs.testing.PenguinTraining;
import io.tributary.jobs.testing.ServingFixture;
import io.tributary.transforms.examples.ExampleFiles;
import io.tributary.transforms.inference.PredictionRows;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tributary serve} over real HTTP on 127.0.0.1, serving the penguin model as the Pusher publishes it. */
class ModelServerTest {

  private static final PenguinTraining PENGUINS = PenguinTraining.get();
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String PREDICT = "/v1/models/penguin:predict";

  @TempDir Path dir;

  private ModelServer server;
  private HttpJson http;

  @AfterEach
  void stop() throws Exception {
    if (http != null) {
      http.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private void serve(int keepVersions) throws Exception {
    ServeConfig config = ServeConfig.builder(dir.resolve("serving"))
        .port(0)
        .pollInterval(Duration.ofMillis(50))
        .maxBodyBytes(32 * 1024)
        .maxInstances(100)
        .keepVersions(keepVersions)
        .build();
    server = ModelServer.start(config, quiet());
    http = new HttpJson(server.uri());
    server.awaitFirstScan(Duration.ofMinutes(1));
  }

  @Test
  void predictionsEqualBulkInferrersForEveryPenguin() throws Exception {
    ServingFixture.push(dir.resolve("serving"), "penguin", 1);
    serve(1);
    Path inference = dir.resolve("inference");
    new InferJob(JobArguments.parse(new String[] {
        "--examples=" + PENGUINS.examples, "--model=" + PENGUINS.model, "--output=" + inference}, InferOptions.class),
        quiet()).run();
    List<Row> scored = new ArrayList<>(ExampleFiles.read(inference.resolve("Split-train")));
    scored.addAll(ExampleFiles.read(inference.resolve("Split-eval")));
    assertEquals(344, scored.size());

    for (int from = 0; from < scored.size(); from += 100) {
      List<Row> batch = scored.subList(from, Math.min(from + 100, scored.size()));
      ArrayNode instances = MAPPER.createArrayNode();
      batch.forEach(row -> instances.add(rawInstance(row)));
      HttpJson.Answer answer = http.post(PREDICT, MAPPER.createObjectNode().set("instances", instances).toString());
      assertEquals(200, answer.status(), answer.text());
      assertEquals(1, answer.json().get("model_version").asLong());
      JsonNode predictions = answer.json().get("predictions");
      assertEquals(batch.size(), predictions.size());
      for (int i = 0; i < batch.size(); i++) {
        Row expected = batch.get(i);
        JsonNode actual = predictions.get(i);
        String row = "row " + (from + i);
        assertEquals(expected.getString(PredictionRows.PREDICTION), actual.get("prediction").asText(), row);
        Map<String, Double> probabilities = expected.getMap(PredictionRows.PROBABILITIES);
        assertEquals(probabilities.size(), actual.get("probabilities").size());
        probabilities.forEach((label, p) ->
            assertEquals(p, actual.get("probabilities").get(label).asDouble(), 1e-9, label + " of " + row));
      }
    }
  }

  @Test
  void reportsVersionsHealthReadinessAndMetrics() throws Exception {
    ServingFixture.push(dir.resolve("serving"), "penguin", 1);
    serve(1);
    JsonNode status = http.get("/v1/models/penguin").json().get("model_version_status");
    assertEquals(1, status.size());
    assertEquals("1", status.get(0).get("version").asText());
    assertEquals("AVAILABLE", status.get(0).get("state").asText());
    assertEquals("OK", status.get(0).get("status").get("error_code").asText());
    assertEquals("2026-11-22T10:00:00Z", status.get(0).get("pushed_at").asText());
    assertEquals(200, http.get("/v1/models/penguin/versions/1").status());
    assertEquals("penguin", http.get("/v1/models").json().get("models").get(0).get("name").asText());
    assertEquals(200, http.get("/healthz").status());
    HttpJson.Answer ready = http.get("/ready");
    assertEquals(200, ready.status(), ready.text());
    assertEquals(1, ready.json().get("serving").get("penguin").asLong());

    String one = "{\"instances\":[" + typical() + "]}";
    for (int i = 0; i < 3; i++) {
      assertEquals(200, http.post(PREDICT, one).status());
    }
    assertEquals(404, http.post("/v1/models/penguin/versions/9:predict", one).status());
    assertEquals(404, http.post("/v1/models/nope:predict", one).status());
    JsonNode metrics = http.get("/v1/models/penguin/metrics").json().get("models").get("penguin");
    assertEquals(3, count(metrics, "1", 200));
    assertEquals(1, count(metrics, "-", 404));
    assertEquals(3, metrics.get("instances").asLong());
    assertEquals(3, metrics.get("latency_ms").get("count").asLong());
    assertTrue(metrics.get("latency_ms").get("p99").asDouble() > 0);
    assertNotNull(http.get("/v1/metrics").json().get("models").get("_unknown"), "an unknown model counts apart");
    String prometheus = http.get("/metrics").text();
    assertTrue(prometheus.contains("tributary_serve_requests_total{model=\"penguin\",version=\"1\",code=\"200\"} 3"), prometheus);
    assertTrue(prometheus.contains("tributary_serve_latency_seconds{model=\"penguin\",quantile=\"0.99\"}"), prometheus);
  }

  @Test
  void badInputIsAClear4xxAndNeverBreaksTheServer() throws Exception {
    ServingFixture.push(dir.resolve("serving"), "penguin", 1);
    serve(1);
    String good = typical();
    assertError(400, "malformed JSON", http.post(PREDICT, "{\"instances\": [ {\"island\": "));
    assertError(400, "Duplicate field 'instances'", http.post(PREDICT, "{\"instances\": [], \"instances\": []}"));
    assertError(400, "the body is empty", http.post(PREDICT, ""));
    assertError(400, "lacks \"instances\"", http.post(PREDICT, "{\"instance\": [" + good + "]}"));
    assertError(400, "\"instances\" is empty", http.post(PREDICT, "{\"instances\": []}"));
    assertError(400, "is a JSON array", http.post(PREDICT, "[" + good + "]"));
    assertError(422, "instance 1 lacks feature 'island'",
        http.post(PREDICT, "{\"instances\": [" + good + "," + without(good, "island") + "]}"));
    assertError(422, "instance 0 has feature 'bill_length_mm' = \"long\" (string), but it must be a number",
        http.post(PREDICT, "{\"instances\": [" + with(good, "bill_length_mm", "\"long\"") + "]}"));
    assertError(422, "instance 0 has feature 'island' = 3 (number), but it must be a string",
        http.post(PREDICT, "{\"instances\": [" + with(good, "island", "3") + "]}"));
    assertError(422, "instance 0 is string", http.post(PREDICT, "{\"instances\": [\"Biscoe\"]}"));
    assertError(404, "no model 'nope'", http.post("/v1/models/nope:predict", "{\"instances\": [" + good + "]}"));
    assertError(404, "has no version 7", http.post("/v1/models/penguin/versions/7:predict", "{\"instances\": [" + good + "]}"));
    assertError(400, "not a positive integer", http.post("/v1/models/penguin/versions/x:predict", "{}"));
    assertError(413, "over the limit of 32768 bytes", http.post(PREDICT, "{\"instances\": [" + "1,".repeat(20_000) + "1]}"));
    assertError(413, "101 instances exceed the limit of 100", http.post(PREDICT, "{\"instances\": [" + "{},".repeat(100) + "{}]}"));
    assertError(405, "use POST", http.get(PREDICT));
    assertError(404, "no endpoint /v2/models", http.get("/v2/models"));

    // Missing values given as null are imputed by the transform, exactly as in the pipeline.
    HttpJson.Answer imputed = http.post(PREDICT, "{\"instances\": [" + with(good, "bill_length_mm", "null") + "]}");
    assertEquals(200, imputed.status(), imputed.text());

    HttpJson.Answer partial = http.post(PREDICT,
        "{\"partial\": true, \"instances\": [" + good + "," + without(good, "sex") + "," + good + "]}");
    assertEquals(200, partial.status(), partial.text());
    JsonNode predictions = partial.json().get("predictions");
    assertEquals(3, predictions.size());
    assertTrue(predictions.get(0).has("prediction"));
    assertTrue(predictions.get(1).get("error").asText().startsWith("instance 1 lacks feature 'sex'"), partial.text());
    assertEquals(predictions.get(0), predictions.get(2));

    assertEquals(200, http.post(PREDICT, "{\"instances\": [" + good + "]}").status(), "the server still answers");
  }

  @Test
  void aVersionThatFailsToLoadIsReportedAndNeverServed() throws Exception {
    Path serving = dir.resolve("serving");
    ServingFixture.push(serving, "penguin", 1);
    Path broken = ServingFixture.stage(serving, "penguin", 2);
    Files.write(broken.resolve("model.pb"), "not a model".getBytes(StandardCharsets.UTF_8));
    ServingFixture.publish(broken, 2);
    serve(1);

    JsonNode status = http.get("/v1/models/penguin").json().get("model_version_status");
    assertEquals("2", status.get(0).get("version").asText());
    assertEquals("FAILED", status.get(0).get("state").asText());
    assertTrue(status.get(0).get("status").get("error_message").asText().contains("model.pb does not match"), status.toString());
    assertEquals("AVAILABLE", status.get(1).get("state").asText(), "the previous version keeps serving");
    String one = "{\"instances\":[" + typical() + "]}";
    HttpJson.Answer latest = http.post(PREDICT, one);
    assertEquals(200, latest.status());
    assertEquals(1, latest.json().get("model_version").asLong());
    assertError(404, "failed to load and is never served", http.post("/v1/models/penguin/versions/2:predict", one));
  }

  @Test
  void keepsTheNewestVersionsLoadedAndAddressable() throws Exception {
    Path serving = dir.resolve("serving");
    for (long version = 1; version <= 3; version++) {
      ServingFixture.push(serving, "penguin", version);
    }
    serve(2);
    String one = "{\"instances\":[" + typical() + "]}";
    assertEquals(3, http.post(PREDICT, one).json().get("model_version").asLong());
    assertEquals(2, http.post("/v1/models/penguin/versions/2:predict", one).json().get("model_version").asLong());
    assertError(404, "is not loaded", http.post("/v1/models/penguin/versions/1:predict", one));
    assertEquals("NOT_LOADED", http.get("/v1/models/penguin/versions/1").json().get("model_version_status").get(0).get("state").asText());
  }

  @Test
  void anEmptyServingDirectoryIsNotReady() throws Exception {
    Files.createDirectories(dir.resolve("serving"));
    serve(1);
    HttpJson.Answer ready = http.get("/ready");
    assertEquals(503, ready.status());
    assertTrue(ready.json().get("reasons").get(0).asText().contains("no model is published"), ready.text());
    assertEquals(200, http.get("/healthz").status());
  }

  private static long count(JsonNode metrics, String version, int code) {
    for (JsonNode entry : metrics.get("requests")) {
      if (entry.get("version").asText().equals(version) && entry.get("code").asInt() == code) {
        return entry.get("count").asLong();
      }
    }
    return 0;
  }

  private static void assertError(int status, String message, HttpJson.Answer answer) {
    assertEquals(status, answer.status(), answer.text());
    assertNotNull(answer.json(), "a JSON error: " + answer.text());
    assertTrue(answer.json().get("error").asText().contains(message), message + " in " + answer.text());
  }

  /** The first eval penguin's raw features, as a client sends them. */
  private static String typical() {
    return rawInstance(ExampleFiles.read(PENGUINS.examples.resolve("Split-eval")).get(0)).toString();
  }

  private static String without(String instance, String field) {
    ObjectNode json = parse(instance);
    json.remove(field);
    return json.toString();
  }

  private static String with(String instance, String field, String jsonValue) {
    ObjectNode json = parse(instance);
    try {
      json.set(field, MAPPER.readTree(jsonValue));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
    return json.toString();
  }

  private static ObjectNode parse(String json) {
    try {
      return (ObjectNode) MAPPER.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A row's raw columns as a JSON instance; BulkInferrer's output columns are left out. */
  static ObjectNode rawInstance(Row row) {
    ObjectNode json = MAPPER.createObjectNode();
    for (Schema.Field field : row.getSchema().getFields()) {
      String name = field.getName();
      if (name.equals(PredictionRows.PREDICTION) || name.equals(PredictionRows.PROBABILITIES)) {
        continue;
      }
      json.set(name, MAPPER.valueToTree(row.getValue(name)));
    }
    return json;
  }

  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }
}
