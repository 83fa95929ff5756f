package io.tributary.jobs.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServeConfigTest {

  @Test
  void defaultsBindLoopbackOnTfServingsRestPort() {
    ServeConfig config = ServeConfig.builder(Path.of("models")).build();
    assertEquals("127.0.0.1", config.host());
    assertEquals(8501, config.port());
    assertTrue(config.modelsDir().isAbsolute());
    assertEquals(1, config.keepVersions());
    assertEquals(new LoadRetries(5, Duration.ofMinutes(1)), config.loadRetries(), "TF Serving's load retries");
  }

  @Test
  void wrongValuesNameTheOption() {
    assertMessage("--port=70000", ServeConfig.builder(Path.of("m")).port(70000));
    assertMessage("--maxInstances=0", ServeConfig.builder(Path.of("m")).maxInstances(0));
    assertMessage("--maxBodyBytes=0", ServeConfig.builder(Path.of("m")).maxBodyBytes(0));
    assertMessage("--keepVersions=0", ServeConfig.builder(Path.of("m")).keepVersions(0));
    assertMessage("--pollSeconds", ServeConfig.builder(Path.of("m")).pollInterval(Duration.ZERO));
    assertMessage("--models is required", ServeConfig.builder(null));
    assertMessage("--idleTimeoutSeconds", ServeConfig.builder(Path.of("m")).idleTimeout(Duration.ZERO));
    assertMessage("--bodyTimeoutSeconds", ServeConfig.builder(Path.of("m")).bodyTimeout(Duration.ofMillis(10)));
    assertMessage("--maxConcurrentRequests=0", ServeConfig.builder(Path.of("m")).maxConcurrentRequests(0));
    assertMessage("--maxConnections=0", ServeConfig.builder(Path.of("m")).maxConnections(0));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new LoadRetries(-1, Duration.ZERO)).getMessage()
        .startsWith("--loadRetries=-1"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new LoadRetries(1, Duration.ofSeconds(-1))).getMessage()
        .startsWith("--loadRetrySeconds"));
  }

  private static void assertMessage(String message, ServeConfig.Builder builder) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }
}
