package io.tributary.transforms.examplegen;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.testing.TestFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file that breaks off while the schema is inferred from it stops the job with the file's name
 * and why, in the deepest message of the error (what a one-line report shows), not a bare
 * {@code EOFException}.
 */
class SchemaInferenceUnreadableTest {

  @TempDir Path dir;

  @Test
  void aGzipCutInTheMiddleIsNamed() throws IOException {
    byte[] gzip = gzippedPenguins();
    Path cut = write("cut.csv.gz", Arrays.copyOf(gzip, gzip.length / 2));
    assertNamed(cut, "it ends early (a truncated or partly copied file?)");
  }

  @Test
  void aGzipWithoutItsTrailerIsNamed() throws IOException {
    byte[] gzip = gzippedPenguins();
    Path cut = write("no-trailer.csv.gz", Arrays.copyOf(gzip, gzip.length - 6));
    assertNamed(cut, "it ends early (a truncated or partly copied file?)");
  }

  private void assertNamed(Path file, String why) {
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> SchemaInference.infer(List.of(InputResolver.resolve(Input.csv(file.toString())))));
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    assertTrue(root.getMessage().startsWith(file + ": cannot read it to infer the schema: " + why), root.getMessage());
  }

  private static byte[] gzippedPenguins() throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (OutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(Files.readAllBytes(TestFiles.penguins()));
    }
    return bytes.toByteArray();
  }

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }
}
