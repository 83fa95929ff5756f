package io.tributary.jobs.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP answer, independent of the HTTP library: status, content type, body and extra headers.
 *
 * @param status the HTTP status
 * @param contentType the body's media type
 * @param body the body bytes
 * @param headers extra headers, e.g. {@code Allow} on a 405
 */
record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {

  static final String JSON = "application/json";
  static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";

  static Reply json(int status, JsonNode body) {
    try {
      return new Reply(status, JSON, Json.MAPPER.writeValueAsBytes(body), Map.of());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON tree", e);
    }
  }

  /** {@code {"error": message}} with {@code status}. */
  static Reply error(int status, String message) {
    return json(status, Json.MAPPER.createObjectNode().put("error", message));
  }

  static Reply text(String contentType, String body) {
    return new Reply(200, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  /** This reply with one more header (replacing one of the same name). */
  Reply withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Reply(status, contentType, body, Collections.unmodifiableMap(more));
  }
}
