package io.tributary.transforms.examplegen;

import static io.tributary.transforms.testing.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputResolverTest {

  @TempDir Path dir;

  @Test
  void latestSpanAndLatestVersionWinByDefault() {
    write(dir, "span-1/v-1/a.csv", "x\n1\n");
    write(dir, "span-2/v-1/a.csv", "x\n1\n");
    write(dir, "span-2/v-3/a.csv", "x\n1\n");
    write(dir, "span-2/v-3/b.csv", "x\n1\n");
    write(dir, "span-2/v-3/_SUCCESS", "");
    write(dir, "span-10/v-1/a.csv", "x\n1\n");
    ResolvedInput latest = InputResolver.resolve(Input.csv(dir + "/span-{SPAN}/v-{VERSION}/*"));
    assertEquals(10L, latest.span(), "numeric, not lexical, order");
    assertEquals(1L, latest.version());

    ResolvedInput two = InputResolver.resolve(Input.csv(dir + "/span-{SPAN}/v-{VERSION}/*").withSpan(2));
    assertEquals(3L, two.version());
    assertEquals(2, two.files().size(), "_SUCCESS markers are not input");
    assertTrue(two.files().get(0).endsWith("span-2/v-3/a.csv"));

    ResolvedInput older =
        InputResolver.resolve(Input.csv(dir + "/span-{SPAN}/v-{VERSION}/*").withSpan(2).withVersion(1));
    assertEquals(1, older.files().size());
  }

  @Test
  void dateSpans() {
    write(dir, "2026-11-20/a.csv", "x\n1\n");
    write(dir, "2026-11-21/a.csv", "x\n1\n");
    ResolvedInput latest = InputResolver.resolve(Input.csv(dir + "/{YYYY}-{MM}-{DD}/a.csv"));
    assertEquals(LocalDate.of(2026, 11, 21).toEpochDay(), latest.span());
    assertNull(latest.version());
  }

  @Test
  void missingFilesSpansAndVersionsAreClearErrors() {
    write(dir, "span-1/a.csv", "x\n1\n");
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> InputResolver.resolve(Input.csv(dir + "/nothing*.csv")))
            .getMessage().startsWith("no input files match"));
    IllegalArgumentException noSpan =
        assertThrows(
            IllegalArgumentException.class,
            () -> InputResolver.resolve(Input.csv(dir + "/span-{SPAN}/a.csv").withSpan(7)));
    assertEquals(
        "span 7 of '" + dir + "/span-{SPAN}/a.csv' has no files; spans found: 1", noSpan.getMessage());
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> InputResolver.resolve(Input.csv(dir + "/span-1/a.csv").withSpan(1)))
            .getMessage().contains("no {SPAN}"));
  }

  @Test
  void plainPatternsListSortedFiles() {
    write(dir, "b.csv", "x\n");
    write(dir, "a.csv", "x\n");
    ResolvedInput in = InputResolver.resolve(Input.csv(dir + "/*.csv"));
    assertEquals(2, in.files().size());
    assertTrue(in.files().get(0).endsWith("a.csv"));
    assertNull(in.span());
  }
}
