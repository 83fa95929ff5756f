package io.tributary.jobs.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ServeMetricsTest {

  @Test
  void countsByVersionAndStatusAndTimesAnsweredRequests() {
    ServeMetrics metrics = new ServeMetrics();
    for (int ms = 1; ms <= 100; ms++) {
      metrics.record("penguin", "2", 200, ms * 1_000_000L, 10);
    }
    metrics.record("penguin", "2", 422, 999_000_000L, 1);
    metrics.record(ServeMetrics.UNKNOWN, ServeMetrics.NO_VERSION, 404, 1_000L, 0);

    JsonNode penguin = metrics.json("penguin").get("models").get("penguin");
    assertEquals(1, metrics.json("penguin").get("models").size(), "only the model asked for");
    assertEquals(100, penguin.get("requests").get(0).get("count").asLong());
    assertEquals(422, penguin.get("requests").get(1).get("code").asInt());
    assertEquals(1000, penguin.get("instances").asLong());
    JsonNode latency = penguin.get("latency_ms");
    assertEquals(100, latency.get("count").asLong(), "errors are counted, not timed");
    assertEquals(50, latency.get("p50").asDouble(), 2);
    assertEquals(99, latency.get("p99").asDouble(), 2);
    assertEquals(100, latency.get("max").asDouble(), 1e-9);

    String text = metrics.prometheus();
    assertTrue(text.contains("tributary_serve_requests_total{model=\"penguin\",version=\"2\",code=\"422\"} 1\n"), text);
    assertTrue(text.contains("tributary_serve_requests_total{model=\"_unknown\",version=\"-\",code=\"404\"} 1\n"), text);
    assertTrue(text.contains("tributary_serve_latency_seconds_sum{model=\"penguin\"} 5.050000\n"), text);
    assertTrue(text.contains("tributary_serve_latency_seconds_count{model=\"penguin\"} 100\n"), text);
  }
}
