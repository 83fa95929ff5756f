package io.tributary.jobs.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServingDirectoryTest {

  @TempDir Path root;

  @Test
  void listsNumericVersionsAndIgnoresStagingAndStrayEntries() throws Exception {
    for (String folder : new String[] {"penguin/1", "penguin/12", "penguin/.staging-abc", "penguin/0", "penguin/v3",
        "penguin/007", "other/3", ".hidden/1", "bad name/1"}) {
      Files.createDirectories(root.resolve(folder));
    }
    Files.writeString(root.resolve("penguin/5"), "a file, not a version");
    assertEquals(Map.of("penguin", Set.of(1L, 12L), "other", Set.of(3L)), ServingDirectory.scan(root));
  }

  @Test
  void aMissingRootIsAnErrorNotAnEmptyDirectory() {
    assertThrows(UncheckedIOException.class, () -> ServingDirectory.scan(root.resolve("absent")));
  }
}
