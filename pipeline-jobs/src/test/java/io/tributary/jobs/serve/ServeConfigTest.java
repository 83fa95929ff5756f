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
  }

  @Test
  void wrongValuesNameTheOption() {
    assertMessage("--port=70000", ServeConfig.builder(Path.of("m")).port(70000));
    assertMessage("--maxInstances=0", ServeConfig.builder(Path.of("m")).maxInstances(0));
    assertMessage("--maxBodyBytes=0", ServeConfig.builder(Path.of("m")).maxBodyBytes(0));
    assertMessage("--keepVersions=0", ServeConfig.builder(Path.of("m")).keepVersions(0));
    assertMessage("--pollSeconds", ServeConfig.builder(Path.of("m")).pollInterval(Duration.ZERO));
    assertMessage("--models is required", ServeConfig.builder(null));
  }

  private static void assertMessage(String message, ServeConfig.Builder builder) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }
}
