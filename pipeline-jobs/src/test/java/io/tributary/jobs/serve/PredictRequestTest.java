package io.tributary.jobs.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PredictRequestTest {

  private static PredictRequest parse(String body) {
    return PredictRequest.parse(body.getBytes(StandardCharsets.UTF_8), 2);
  }

  @Test
  void readsInstancesInOrderAndThePartialFlag() {
    PredictRequest request = parse("{\"instances\":[{\"a\":1},{\"a\":2}],\"partial\":true}");
    assertEquals(2, request.instances().size());
    assertEquals(2, request.instances().get(1).get("a").asInt());
    assertTrue(request.partial());
    assertEquals(false, parse("{\"instances\":[{}]}").partial());
  }

  @Test
  void namesEachMistake() {
    assertStatus(400, "malformed JSON (line 1, column", "{\"instances\": [}");
    assertStatus(400, "malformed JSON", "{\"instances\": [{}]} trailing");
    assertStatus(400, "the columnar \"inputs\" format is not supported", "{\"inputs\": {\"a\": [1]}}");
    assertStatus(400, "\"instances\" is a JSON object", "{\"instances\": {}}");
    assertStatus(400, "\"partial\" must be true or false", "{\"instances\": [{}], \"partial\": \"yes\"}");
    assertStatus(400, "the body is a JSON number", "42");
    assertStatus(413, "3 instances exceed the limit of 2", "{\"instances\": [{}, {}, {}]}");
  }

  private static void assertStatus(int status, String message, String body) {
    ApiException e = assertThrows(ApiException.class, () -> parse(body));
    assertEquals(status, e.status());
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }
}
