package io.tributary.transforms.examplegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.examples.ExampleFormat;
import io.tributary.transforms.examples.ExamplesIO;
import io.tributary.transforms.examples.ShardFile;
import io.tributary.transforms.split.HashSplit;
import io.tributary.transforms.split.Split;
import io.tributary.transforms.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Partition;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * ExampleGen writing its splits as it reads, on every runner: the rows, split assignment and
 * dead-letter lines of a sequential read, in several files per split, published only whole.
 */
@Tag("portable")
@ExtendWith(TestPipelineExtension.class)
class WriteExamplesTest {

  private static final Schema SCHEMA =
      Schema.builder().addNullableField("id", FieldType.INT64).addNullableField("text", FieldType.STRING).build();

  @TempDir Path dir;

  @Test
  void writesEverySplitInSeveralFilesWithTheRowsOfASequentialRead(TestPipeline p) throws IOException {
    // Avro writes a file in blocks of 64 KiB, so the text is long and random enough to fill several.
    java.util.Random random = new java.util.Random(1);
    StringBuilder text = new StringBuilder("id,text\n");
    for (int i = 0; i < 3000; i++) {
      switch (i % 6) {
        case 0 -> text.append(i).append(",\"a value\nover two lines\"\r\n");
        case 1 -> text.append(i).append(",4\"5\n"); // a stray quote
        case 2 -> text.append("\n");
        case 3 -> text.append(i).append(",too,many\n");
        default -> text.append(i).append(",plain ").append(new java.math.BigInteger(1200, random).toString(36)).append('\n');
      }
    }
    Path csv = TestFiles.write(dir, "in.csv", text.toString());
    Map<Long, Row> expectedRows = new HashMap<>();
    List<String> expectedDeadLetters = new ArrayList<>();
    parseSequentially(csv, expectedRows, expectedDeadLetters);
    HashSplit split = Split.byHash("id").withRatios("train:2,eval:1").withSeed(7);
    String out = dir.resolve("examples").toString();

    WrittenExamples written =
        p.apply(
            ExampleGen.from(Input.csv(csv.toString()).withRangeBytes(2048))
                .withSchema(SCHEMA)
                .withSplit(split)
                .writeTo(out)
                .withShardBytes(4096));
    PAssert.that(written.errors().apply("Lines", MapElements.into(TypeDescriptors.strings())
            .via((Row r) -> r.getInt64("line") + ": " + r.getString("reason"))))
        .containsInAnyOrder(expectedDeadLetters);
    PAssert.thatSingleton(
            written.files().apply("Rows", MapElements.into(TypeDescriptors.longs()).via(ShardFile::rows))
                .apply("Total", Sum.longsGlobally()))
        .isEqualTo((long) expectedRows.size());
    p.run().waitUntilFinish();

    Partition.PartitionFn<Row> assignment = split.assignment(SCHEMA);
    List<String> names = List.of("train", "eval");
    Map<Long, Row> read = new TreeMap<>();
    for (String name : names) {
      Path folder = Path.of(out, "Split-" + name);
      List<String> data = dataFiles(folder);
      assertTrue(data.size() > 1, name + " should be several files, was " + data);
      for (int i = 0; i < data.size(); i++) {
        assertEquals(String.format("data-%05d-of-%05d.avro", i, data.size()), data.get(i));
      }
      for (Row row : ExamplesIO.readRows(folder.toString())) {
        assertEquals(names.indexOf(name), assignment.partitionFor(row, 2), "split of " + row);
        assertEquals(null, read.put(row.getInt64("id"), row), "row written twice: " + row);
      }
    }
    assertEquals(new TreeMap<>(expectedRows), read);
    assertTrue(leftovers(Path.of(out)).isEmpty(), "temporary files left: " + leftovers(Path.of(out)));
  }

  @Test
  void predefinedSplitsInParquetWithAnEmptySplit(TestPipeline p) throws IOException {
    Path train = TestFiles.write(dir, "train.csv", "id,text\n1,a\n2,b\nx,bad\n3,c\n");
    Path eval = TestFiles.write(dir, "eval.csv", "id,text\n");
    String out = dir.resolve("examples").toString();

    WrittenExamples written =
        p.apply(
            ExampleGen.fromSplits(Map.of("train", Input.csv(train.toString()), "eval", Input.csv(eval.toString())))
                .withSchema(SCHEMA)
                .writeTo(out)
                .withFormat(ExampleFormat.PARQUET));
    PAssert.that(written.errors().apply(MapElements.into(TypeDescriptors.longs()).via((Row r) -> r.getInt64("line"))))
        .containsInAnyOrder(4L);
    p.run().waitUntilFinish();

    assertEquals(List.of("data-00000-of-00001.parquet"), dataFiles(Path.of(out, "Split-train")));
    assertEquals(
        List.of(1L, 2L, 3L),
        ExamplesIO.readRows(out + "/Split-train").stream().map(r -> r.getInt64("id")).sorted().toList());
    assertEquals(List.of(), dataFiles(Path.of(out, "Split-eval")));
    assertEquals(List.of(), ExamplesIO.readRows(out + "/Split-eval"));
    assertEquals(SCHEMA, org.apache.beam.sdk.extensions.avro.schemas.utils.AvroUtils.toBeamSchema(
        ExamplesIO.readAvroSchema(out + "/Split-eval")));
  }

  /** A file that cannot be written fails the run: it is not the input's fault, so no dead letter. */
  @Test
  void aFailedWriteFailsTheRun(TestPipeline p) throws IOException {
    Path csv = TestFiles.write(dir, "in.csv", "id,text\n1,a\n2,b\n");
    Path notAFolder = TestFiles.write(dir, "file", "");
    p.apply(ExampleGen.from(Input.csv(csv.toString())).withSchema(SCHEMA).writeTo(notAFolder + "/examples"));
    assertThrows(RuntimeException.class, () -> p.run().waitUntilFinish());
  }

  @Test
  void mistakesAreCaughtWhenThePipelineIsBuilt() {
    ExampleGen examplegen = ExampleGen.from(Input.csv("in.csv"));
    assertThrows(IllegalArgumentException.class, () -> examplegen.writeTo(" "));
    assertThrows(IllegalArgumentException.class, () -> examplegen.writeTo("out").withShardBytes(0));
    assertThrows(IllegalArgumentException.class, () -> examplegen.writeTo("out").withFormat(null));
  }

  private static void parseSequentially(Path csv, Map<Long, Row> rows, List<String> deadLetters) throws IOException {
    new CsvFileParser(CsvFormat.defaults()).parse(
        SourceFile.named(csv.toString()),
        SCHEMA,
        new ParsedRecords() {
          @Override
          public void row(Row row) {
            rows.put(row.getInt64("id"), row);
          }

          @Override
          public void deadLetter(Long line, String raw, String reason) {
            deadLetters.add(line + ": " + reason);
          }
        });
  }

  private static List<String> dataFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("data-")).sorted().toList();
    }
  }

  private static List<Path> leftovers(Path out) throws IOException {
    try (Stream<Path> files = Files.list(out)) {
      return files.filter(f -> !f.getFileName().toString().startsWith("Split-")).toList();
    }
  }
}
