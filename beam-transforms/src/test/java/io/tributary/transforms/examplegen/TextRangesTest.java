package io.tributary.transforms.examplegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a text file in ranges, cut anywhere, gives exactly the rows and dead letters (with their
 * line numbers) of one sequential read.
 */
class TextRangesTest {

  private static final Schema CSV_SCHEMA =
      Schema.builder()
          .addNullableField("id", FieldType.INT64)
          .addNullableField("text", FieldType.STRING)
          .addNullableField("x", FieldType.DOUBLE)
          .build();

  @TempDir Path dir;

  /**
   * A CSV file with everything that makes cutting hard: a BOM, CRLF and LF, quoted values with line
   * breaks (also CRLF ones), doubled quotes, blank lines, stray and unclosed quotes, short lines and
   * bytes that are not UTF-8.
   */
  private static byte[] trickyCsv(Random random, int lines) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, "\uFEFFid,text,x\r\n");
    for (int i = 0; i < lines; i++) {
      String end = random.nextBoolean() ? "\n" : "\r\n";
      switch (random.nextInt(12)) {
        case 0 -> write(out, i + ",\"two\nlines, " + i + "\"," + i + ".5" + end);
        case 1 -> write(out, i + ",\"three\r\nlines\n\"\"quoted\"\"\",1" + end);
        case 2 -> write(out, end);
        case 3 -> write(out, i + ",4\"5.5,1" + end); // a stray quote
        case 4 -> write(out, i + ",\"never closed,1" + end); // an unclosed quote
        case 5 -> write(out, i + ",short" + end);
        case 6 -> {
          write(out, i + ",bad");
          out.write(0xC3);
          write(out, ",1" + end);
        }
        case 7 -> write(out, i + ",\"\",NA" + end);
        default -> write(out, i + ",plain " + i + "," + random.nextInt(100) + end);
      }
    }
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> sequential(SplittableFileParser parser, SourceFile file, Schema schema)
      throws IOException {
    RecordsAsText out = new RecordsAsText();
    parser.parse(file, schema, out);
    return out.records;
  }

  /** Reads {@code ranges} one by one, in a random order, as the workers of a pipeline would. */
  private static List<String> inRanges(
      SplittableFileParser parser, SourceFile file, Schema schema, List<FileRange> ranges,
      Random random) throws IOException {
    List<FileRange> work = new ArrayList<>(ranges);
    RecordsAsText out = new RecordsAsText();
    while (!work.isEmpty()) {
      TextRanges.read(parser, file, schema, work.remove(random.nextInt(work.size())), out);
    }
    return out.records;
  }

  private static long[] randomTargets(Random random, long size) {
    return random.longs(random.nextInt(30), 0, size).sorted().toArray();
  }

  private static void assertSameRecords(List<String> expected, List<String> actual, String what) {
    List<String> a = new ArrayList<>(expected);
    List<String> b = new ArrayList<>(actual);
    a.sort(null);
    b.sort(null);
    assertEquals(a, b, what);
  }

  @Test
  void csvCutAnywhereReadsLikeOneSequentialRead() throws IOException {
    Random random = new Random(15);
    CsvFileParser parser = new CsvFileParser(CsvFormat.defaults());
    for (int trial = 0; trial < 40; trial++) {
      byte[] bytes = trickyCsv(random, 20 + random.nextInt(200));
      Path path = Files.write(dir.resolve("t" + trial + ".csv"), bytes);
      SourceFile file = SourceFile.named(path.toString());
      List<String> expected = sequential(parser, file, CSV_SCHEMA);
      long[] targets = randomTargets(random, bytes.length);
      List<FileRange> ranges = TextRanges.plan(parser, file, CSV_SCHEMA, bytes.length, targets);
      assertContiguous(ranges, bytes.length);
      List<String> actual =
          inRanges(parser, file, CSV_SCHEMA, ranges, random);
      assertSameRecords(expected, actual, "trial " + trial + ", targets " + Arrays.toString(targets));
    }
  }

  @Test
  void aRangeMayStartAtEveryLineBreakOfAFileWithTheSameResult() throws IOException {
    byte[] bytes = trickyCsv(new Random(16), 300);
    Path path = Files.write(dir.resolve("every.csv"), bytes);
    SourceFile file = SourceFile.named(path.toString());
    CsvFileParser parser = new CsvFileParser(CsvFormat.defaults());
    List<Long> breaks = new ArrayList<>();
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n' || bytes[i] == '\r') {
        breaks.add((long) i + 1);
      }
    }
    long[] targets = breaks.stream().mapToLong(Long::longValue).toArray();
    List<FileRange> ranges = TextRanges.plan(parser, file, CSV_SCHEMA, bytes.length, targets);
    assertTrue(ranges.size() > 250, "a range per record: " + ranges.size());
    assertSameRecords(
        sequential(parser, file, CSV_SCHEMA),
        inRanges(parser, file, CSV_SCHEMA, ranges, new Random(1)),
        "one range per record");
  }

  @Test
  void jsonLinesCutAnywhereReadLikeOneSequentialRead() throws IOException {
    Random random = new Random(17);
    Schema schema = Schema.builder().addNullableField("a", FieldType.INT64).build();
    JsonLinesFileParser parser = new JsonLinesFileParser();
    for (int trial = 0; trial < 20; trial++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      write(out, "\uFEFF");
      for (int i = 0; i < 100; i++) {
        String end = random.nextBoolean() ? "\n" : "\r\n";
        switch (random.nextInt(6)) {
          case 0 -> write(out, end);
          case 1 -> write(out, "{\"a\": " + end);
          case 2 -> {
            write(out, "{\"a\": 1, \"b\": \"");
            out.write(0xFF);
            write(out, "\"}" + end);
          }
          default -> write(out, "{\"a\": " + i + "}" + end);
        }
      }
      byte[] bytes = out.toByteArray();
      Path path = Files.write(dir.resolve("t" + trial + ".jsonl"), bytes);
      SourceFile file = SourceFile.named(path.toString());
      List<FileRange> ranges =
          TextRanges.plan(parser, file, schema, bytes.length, randomTargets(random, bytes.length));
      assertContiguous(ranges, bytes.length);
      assertSameRecords(
          sequential(parser, file, schema),
          inRanges(parser, file, schema, ranges, random),
          "trial " + trial);
    }
  }

  /** A compressed file is one range, read by streaming: the records of a sequential read. */
  @Test
  void compressedFileIsOneRangeThatReadsLikeOneSequentialRead() throws IOException {
    byte[] bytes = trickyCsv(new Random(18), 500);
    Path path = dir.resolve("t.csv.gz");
    try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(path))) {
      gz.write(bytes);
    }
    SourceFile file = SourceFile.named(path.toString());
    CsvFileParser parser = new CsvFileParser(CsvFormat.defaults());
    List<String> expected = sequential(parser, file, CSV_SCHEMA);
    assertTrue(expected.size() > 400);
    assertEquals(
        expected, inRanges(parser, file, CSV_SCHEMA, List.of(FileRange.whole()), new Random(1)));
  }

  @Test
  void rangeBytesOutsideItsBoundsIsRefusedWithTheBounds() {
    IllegalArgumentException small =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> Input.csv("in.csv").withRangeBytes(100));
    assertTrue(small.getMessage().contains("between 1024 and 1073741824 bytes"), small.getMessage());
    assertEquals(4096, Input.csv("in.csv").withRangeBytes(4096).withSpan(3).rangeBytes());
    assertEquals(Input.DEFAULT_RANGE_BYTES, Input.csv("in.csv").rangeBytes());
  }

  private static void assertContiguous(List<FileRange> ranges, long size) {
    assertEquals(0, ranges.get(0).from());
    assertEquals(1, ranges.get(0).line());
    for (int i = 1; i < ranges.size(); i++) {
      assertEquals(ranges.get(i - 1).to(), ranges.get(i).from(), "ranges " + ranges);
    }
    assertEquals(size, ranges.get(ranges.size() - 1).to());
  }
}
