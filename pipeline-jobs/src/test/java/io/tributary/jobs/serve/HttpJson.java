package io.tributary.jobs.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;

/** Real HTTP to the server under test ({@link ServeClient}, one connection): answers parsed as JSON trees. */
final class HttpJson implements AutoCloseable {

  /** One answer: status, raw body, and the body as JSON (null when it is not JSON). */
  record Answer(int status, String text, JsonNode json) {}

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ServeClient client;

  HttpJson(URI base) {
    client = new ServeClient(base, Duration.ofSeconds(30));
  }

  Answer get(String path) {
    return parse(() -> client.get(path));
  }

  Answer post(String path, String body) {
    return parse(() -> client.post(path, body));
  }

  private interface Call {
    ServeClient.Answer call() throws IOException;
  }

  private static Answer parse(Call call) {
    try {
      ServeClient.Answer answer = call.call();
      JsonNode json;
      try {
        json = MAPPER.readTree(answer.body());
      } catch (IOException notJson) {
        json = null;
      }
      return new Answer(answer.status(), answer.body(), json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
