package io.tributary.transforms.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under src/test/resources: the text a writer must produce, so that artifacts written
 * today stay readable. On a mismatch the actual text is saved under target/golden-actual/ for review.
 */
public final class Golden {
  private Golden() {}

  public static String read(Class<?> owner, String name) {
    try (InputStream in = owner.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("golden file " + name + " not found next to " + owner.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void assertMatches(Class<?> owner, String name, String actual) {
    String expected = read(owner, name);
    if (!expected.equals(actual)) {
      try {
        Path out = Path.of("target", "golden-actual", name);
        Files.createDirectories(out.getParent());
        Files.writeString(out, actual, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    assertEquals(expected, actual, "differs from golden " + name + "; actual text in target/golden-actual/" + name);
  }
}
