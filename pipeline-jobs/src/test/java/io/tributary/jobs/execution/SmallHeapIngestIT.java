package io.tributary.jobs.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.jobs.testing.TributaryProcess;
import io.tributary.jobs.testing.TributaryProcess.Finished;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory is bounded by design (issue 16): {@code tributary examplegen} and then {@code tributary
 * statistics}, each in a child JVM with a {@value #HEAP_MB} MB heap, go through one CSV file of
 * {@value #CSV_MB} MB on the DirectRunner and on embedded Flink, and every row comes out.
 *
 * <p>The file is one file on purpose: a step that holds a file's rows, or a whole bundle's output
 * when a bundle is a whole file (the DirectRunner's), needs more heap than there is and fails. Its
 * rows are wide (about 8 KB, mostly one text column of a few values: about 100,000 rows) so that
 * the file is large in bytes but quick to parse and describe on a 2-core CI machine.
 */
class SmallHeapIngestIT {

  private static final int HEAP_MB = 256;
  private static final int CSV_MB = 3 * HEAP_MB;
  private static final int TEXT_CHARS = 8_000;
  private static final int TEXT_VALUES = 16;

  private static final TributaryProcess LAUNCHER =
      TributaryProcess.withJavaOptions("-Xmx" + HEAP_MB + "m").withLimit(Duration.ofMinutes(10));
  private static final Pattern EXAMPLES = Pattern.compile("done in [0-9.]+ s: (\\d+) rows \\(.*\\), (\\d+) dead letters");
  private static final Pattern SPLIT_ROWS = Pattern.compile("(\\w+) (\\d+) rows");

  @TempDir static Path dir;
  private static Path csv;
  private static long rows;

  @BeforeAll
  static void writeAFileSeveralTimesTheHeap() throws IOException {
    csv = dir.resolve("wide.csv");
    String[] texts = new String[TEXT_VALUES];
    for (int i = 0; i < TEXT_VALUES; i++) {
      texts[i] = String.valueOf((char) ('a' + i)).repeat(TEXT_CHARS);
    }
    try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      out.write("id,group,score,active,text\n");
      long bytes = 0;
      while (bytes < (long) CSV_MB << 20) {
        String line = rows + ",g" + rows % 7 + "," + (rows % 1000) / 10.0 + "," + (rows % 3 == 0) + ","
            + texts[(int) (rows % TEXT_VALUES)] + "\n";
        out.write(line);
        bytes += line.length();
        rows++;
      }
    }
  }

  /**
   * Failed before ExampleGen wrote rows as it read them ({@code ExampleGen.writeTo}): the
   * DirectRunner held each parsed file's rows as one bundle's output, then grouped every row by
   * output shard, and ran out of heap.
   */
  @Test
  void onTheDirectRunner() throws Exception {
    examplegenAndStatisticsGoThrough("direct");
  }

  @Test
  void onEmbeddedFlink() throws Exception {
    examplegenAndStatisticsGoThrough("flink-local");
  }

  private static void examplegenAndStatisticsGoThrough(String profile) throws Exception {
    Path examples = dir.resolve("examples-" + profile);
    Path home = dir.resolve("home-" + profile);
    TributaryProcess launcher = LAUNCHER.withEnvironment(Map.of("TRIBUTARY_HOME", home.toString()));

    Finished examplegen = launcher.run(dir.resolve("examplegen-" + profile + ".log"),
        "examplegen", "--input=" + csv, "--output=" + examples, "--profile=" + profile);

    assertEquals(0, examplegen.exitCode(), examplegen.output());
    Matcher done = EXAMPLES.matcher(examplegen.output());
    assertTrue(done.find(), examplegen.output());
    assertEquals(rows, Long.parseLong(done.group(1)), examplegen.output());
    assertEquals(0, Long.parseLong(done.group(2)), examplegen.output());

    Finished statistics = launcher.run(dir.resolve("statistics-" + profile + ".log"),
        "statistics", "--examples=" + examples, "--output=" + dir.resolve("statistics-" + profile),
        "--profile=" + profile);

    assertEquals(0, statistics.exitCode(), statistics.output());
    String summary = statistics.output().substring(statistics.output().lastIndexOf("done in"));
    long described = 0;
    for (Matcher split = SPLIT_ROWS.matcher(summary); split.find(); ) {
      described += Long.parseLong(split.group(2));
    }
    assertEquals(rows, described, statistics.output());
  }
}
