package io.tributary.jobs.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedOutputTest {

  @TempDir Path dir;

  private long entries() throws IOException {
    try (Stream<Path> all = Files.list(dir)) {
      return all.count();
    }
  }

  @Test
  void nothingIsVisibleUntilPublished() throws IOException {
    Path target = dir.resolve("out");
    StagedOutput out = StagedOutput.begin(target, false);
    Files.writeString(out.staging().resolve("part"), "data");
    assertFalse(Files.exists(target));
    out.publish();
    assertEquals("data", Files.readString(target.resolve("part")));
    assertEquals(1, entries(), "no staging folder is left behind");
  }

  @Test
  void abandonLeavesNothing() throws IOException {
    StagedOutput out = StagedOutput.begin(dir.resolve("out"), false);
    Files.createDirectories(out.staging().resolve("Split-train"));
    Files.writeString(out.staging().resolve("Split-train/x"), "half");
    out.abandon();
    out.abandon();
    assertEquals(0, entries());
  }

  @Test
  void anExistingOutputIsKeptUnlessReplacing() throws IOException {
    Path target = dir.resolve("out");
    Files.createDirectories(target);
    Files.writeString(target.resolve("old"), "old");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> StagedOutput.begin(target, false));
    assertTrue(e.getMessage().endsWith("already exists: choose another output folder or allow replacing it"));
    StagedOutput replacing = StagedOutput.begin(target, true);
    Files.writeString(replacing.staging().resolve("new"), "new");
    assertTrue(Files.exists(target.resolve("old")), "the old output stays until the new one is complete");
    replacing.publish();
    assertTrue(Files.exists(target.resolve("new")));
    assertFalse(Files.exists(target.resolve("old")));
    assertEquals(1, entries());
  }

  @Test
  void anEmptyExistingFolderIsFine() throws IOException {
    Path target = Files.createDirectories(dir.resolve("out"));
    StagedOutput out = StagedOutput.begin(target, false);
    out.publish();
    assertTrue(Files.isDirectory(target));
  }

  @Test
  void outputsPublishedTogetherAreAllMovedBackWhenALaterOneFails() throws IOException {
    Path examples = dir.resolve("examples");
    Path previous = Files.createDirectories(dir.resolve("graph"));
    Files.writeString(previous.resolve("old"), "old");
    Path blocked = dir.resolve("blocked");
    StagedOutput first = StagedOutput.begin(examples, false);
    StagedOutput second = StagedOutput.begin(previous, true);
    StagedOutput third = StagedOutput.begin(blocked, false);
    Files.writeString(first.staging().resolve("a"), "a");
    Files.writeString(second.staging().resolve("new"), "new");
    // The injected failure: the last target appears while the job runs, after the others moved in.
    Files.createDirectories(blocked);
    Files.writeString(blocked.resolve("someone-else"), "x");

    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> StagedOutput.publishTogether(List.of(first, second, third)));
    assertTrue(e.getMessage().contains("appeared while the job ran"), e.getMessage());
    assertFalse(Files.exists(examples), "the first output is not left published");
    assertEquals("old", Files.readString(previous.resolve("old")), "the replaced output is restored");
    assertFalse(Files.exists(previous.resolve("new")));
    assertEquals("a", Files.readString(first.staging().resolve("a")), "back in staging, for abandon()");

    List.of(first, second, third).forEach(StagedOutput::abandon);
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of("blocked", "graph"), left.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void outputsPublishedTogetherAllAppear() throws IOException {
    StagedOutput a = StagedOutput.begin(dir.resolve("a"), false);
    StagedOutput b = StagedOutput.begin(dir.resolve("b"), false);
    StagedOutput.publishTogether(List.of(a, b));
    assertTrue(Files.isDirectory(dir.resolve("a")) && Files.isDirectory(dir.resolve("b")));
    assertEquals(2, entries());
  }
}
