package io.tributary.transforms.examplegen;

import io.tributary.transforms.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** One file cut into many ranges, on every runner: the rows and dead letters of a sequential read. */
@Tag("portable")
@ExtendWith(TestPipelineExtension.class)
class ReadRangesTest {

  @TempDir Path dir;

  @Test
  void oneFileInManyRangesReadsLikeASequentialRead(TestPipeline p) throws IOException {
    StringBuilder text = new StringBuilder("\uFEFFid,text,x\r\n");
    for (int i = 0; i < 3000; i++) {
      switch (i % 7) {
        case 0 -> text.append(i).append(",\"two\nlines\",").append(i).append(".5\r\n");
        case 1 -> text.append(i).append(",4\"5,1\n"); // a stray quote
        case 2 -> text.append("\n");
        case 3 -> text.append(i).append(",\"never closed,1\n");
        default -> text.append(i).append(",plain,").append(i).append('\n');
      }
    }
    Path path = TestFiles.write(dir, "big.csv", text.toString());
    Schema schema =
        Schema.builder()
            .addField("id", FieldType.INT64)
            .addField("text", FieldType.STRING)
            .addField("x", FieldType.DOUBLE)
            .build();
    CsvFileParser parser = new CsvFileParser(CsvFormat.defaults());
    List<String> deadLetters = new ArrayList<>();
    long[] rows = {0};
    parser.parse(
        SourceFile.named(path.toString()),
        schema,
        new ParsedRecords() {
          @Override
          public void row(Row row) {
            rows[0]++;
          }

          @Override
          public void deadLetter(Long line, String raw, String reason) {
            deadLetters.add(line + ": " + reason);
          }
        });

    PCollectionTuple parsed =
        p.apply(FileIO.match().filepattern(path.toString()))
            .apply(FileIO.readMatches())
            .apply(new ReadRanges(parser, schema, 5000));
    PAssert.thatSingleton(parsed.get(ReadRanges.ROWS).apply(Count.globally())).isEqualTo(rows[0]);
    PAssert.that(
            parsed
                .get(ReadRanges.DEAD_LETTERS)
                .apply(
                    MapElements.into(TypeDescriptors.strings())
                        .via((Row r) -> r.getInt64("line") + ": " + r.getString("reason"))))
        .containsInAnyOrder(deadLetters);
    p.run().waitUntilFinish();
  }

  /**
   * Through ExampleGen, in ranges of 1 KiB: a CSV file with quoted line breaks, stray quotes and
   * blank lines gives the rows and the exact dead-letter lines of a sequential read.
   */
  @Test
  void exampleGenReadsOneCsvFileInManyRanges(TestPipeline p) throws IOException {
    StringBuilder text = new StringBuilder("id,text\n");
    for (int i = 0; i < 400; i++) {
      switch (i % 5) {
        case 0 -> text.append(i).append(",\"a value\nover two lines\"\r\n");
        case 1 -> text.append(i).append(",4\"5\n"); // a stray quote
        case 2 -> text.append("\n");
        default -> text.append(i).append(",plain\n");
      }
    }
    Path path = TestFiles.write(dir, "ranges.csv", text.toString());
    Schema schema =
        Schema.builder().addNullableField("id", FieldType.INT64).addNullableField("text", FieldType.STRING).build();
    List<String> expected = new ArrayList<>();
    long[] rows = {0};
    new CsvFileParser(CsvFormat.defaults()).parse(
        SourceFile.named(path.toString()),
        schema,
        new ParsedRecords() {
          @Override
          public void row(Row row) {
            rows[0]++;
          }

          @Override
          public void deadLetter(Long line, String raw, String reason) {
            expected.add(line + ": " + reason);
          }
        });

    ExampleGenResult result =
        p.apply(
            ExampleGen.from(Input.csv(path.toString()).withRangeBytes(1024))
                .withSchema(schema)
                .withSplit(io.tributary.transforms.split.Split.byHash("id").withRatios("all:1")));
    PAssert.thatSingleton(result.split("all").apply(Count.globally())).isEqualTo(rows[0]);
    PAssert.that(
            result
                .errors()
                .apply(
                    MapElements.into(TypeDescriptors.strings())
                        .via((Row r) -> r.getInt64("line") + ": " + r.getString("reason"))))
        .containsInAnyOrder(expected);
    p.run().waitUntilFinish();
  }
}
