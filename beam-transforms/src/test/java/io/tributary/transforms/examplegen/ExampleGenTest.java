package io.tributary.transforms.examplegen;

import static io.tributary.transforms.testing.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.split.Split;
import io.tributary.transforms.testing.TestFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@Tag("portable")
@ExtendWith(TestPipelineExtension.class)
class ExampleGenTest {

  @TempDir Path dir;

  private static PCollection<Long> total(ExampleGenResult result) {
    return PCollectionList.of(result.splits().asMap().values())
        .apply("AllSplits", Flatten.pCollections())
        .apply("CountAll", Count.globally());
  }

  /** "file:line: reason" of every dead letter, for exact assertions. */
  private static PCollection<String> described(PCollection<Row> deadLetters) {
    return deadLetters.apply(
        "Describe",
        MapElements.into(TypeDescriptors.strings())
            .via(
                (Row r) ->
                    Path.of(r.getString("source")).getFileName() + ":" + r.getInt64("line") + ": "
                        + r.getString("reason")));
  }

  @Test
  void penguinCsvSplitsTwoToOneAndLosesNothing(TestPipeline p) {
    ExampleGenResult result = p.apply(ExampleGen.from(Input.csv(TestFiles.penguins().toString())));
    assertEquals(List.of("train", "eval"), result.splits().names());
    PAssert.thatSingleton(total(result)).isEqualTo(344L);
    PAssert.thatSingleton(result.split("train").apply("CountTrain", Count.globally()))
        .satisfies(
            n -> {
              assertTrue(n > 200 && n < 260, "train should hold about 2/3 of 344, has " + n);
              return null;
            });
    PAssert.that(result.errors()).empty();
    p.run().waitUntilFinish();
  }

  @Test
  void malformedLinesBecomeDeadLettersWithFileAndLine(TestPipeline p) {
    write(
        dir,
        "in.csv",
        String.join(
            "\n",
            "id,score,label", // 1
            "1,0.5,a", // 2
            "2,0.7", // 3: too few fields
            "3,0.1,\"multi", // 4: a quoted field over two lines: fine
            "line\"", // 5
            "4,high,b", // 6: not a number
            "5,0.2,\"never closed", // 7: unbalanced quote
            "", // 8: blank, skipped
            "6,0.3,c", // 9
            ",0.4,d", // 10: id missing, but nullable: fine
            "7,0.5,e,extra")); // 11: too many fields
    Schema schema =
        Schema.builder()
            .addNullableField("id", FieldType.INT64)
            .addField("score", FieldType.DOUBLE)
            .addField("label", FieldType.STRING)
            .build();
    ExampleGenResult result =
        p.apply(ExampleGen.from(Input.csv(dir + "/in.csv")).withSchema(schema));
    PAssert.thatSingleton(total(result)).isEqualTo(4L);
    PAssert.that(described(result.errors()))
        .containsInAnyOrder(
            "in.csv:3: expected 3 fields, as in the header, but found 2",
            "in.csv:6: field 'score': 'high' is not a number (DOUBLE)",
            "in.csv:7: unbalanced quote: the quoted value of column 'label' that opens on this line"
                + " is never closed",
            "in.csv:11: expected 3 fields, as in the header, but found 4");
    p.run().waitUntilFinish();
  }

  /**
   * Issue 15: a stray quote and an unclosed quote in a file with quoted values turned the lines
   * between them into one dead letter; now each costs only its own line.
   */
  @Test
  void strayAndUnclosedQuotesCostOnlyTheirOwnLines(TestPipeline p) {
    StringBuilder text = new StringBuilder("species,island,bill_length_mm,sex\n");
    for (int line = 2; line <= 300; line++) {
      if (line == 88) {
        text.append("\"Gentoo\",\"Biscoe\",4\"5.5,\"female\"\n");
      } else if (line == 200) {
        text.append("\"Gentoo\",\"Biscoe,46.5,female\n");
      } else if (line == 300) {
        text.append("\"Adelie\",\"Dream,41.1,\"male\n");
      } else {
        text.append("\"Adelie\",\"Dream\",").append(30 + line % 20).append(".5,\"male\"\n");
      }
    }
    write(dir, "quoted.csv", text.toString());
    ExampleGenResult result = p.apply(ExampleGen.from(Input.csv(dir + "/quoted.csv")));
    PAssert.thatSingleton(total(result)).isEqualTo(296L);
    PAssert.that(described(result.errors()))
        .containsInAnyOrder(
            "quoted.csv:88: a quote inside the unquoted value 4\"5.5 of column 'bill_length_mm':"
                + " quote the whole value and double the quote inside (\"4\"\"5.5\")",
            "quoted.csv:200: unbalanced quote: the quoted value of column 'island' that opens on"
                + " this line has no proper closing quote (read on, line 201 does not continue it)",
            "quoted.csv:300: text after the closing quote of column 'island' (\"Dream,41.1,\"m...):"
                + " a quote inside a quoted value must be doubled");
    p.run().waitUntilFinish();
  }

  /** Issue 17: bytes that are not UTF-8 were read as U+FFFD; now the record is a dead letter. */
  @Test
  void invalidUtf8InCsvIsADeadLetter(TestPipeline p) throws Exception {
    Files.write(dir.resolve("a.csv"), concat("x,name\n1,ok\n2,b", (byte) 0xFF, "d\n3,fine\n"));
    ExampleGenResult result =
        p.apply(ExampleGen.from(Input.csv(dir + "/a.csv")).withSchema(xAndName()));
    PAssert.thatSingleton(total(result)).isEqualTo(2L);
    PAssert.that(described(result.errors()))
        .containsInAnyOrder(
            "a.csv:3: invalid UTF-8 at byte offset 15 (column 'name'): the file must be UTF-8");
    p.run().waitUntilFinish();
  }

  @Test
  void invalidUtf8InJsonLinesIsADeadLetter(TestPipeline p) throws Exception {
    Files.write(
        dir.resolve("a.jsonl"), concat("{\"x\": 1}\n{\"x\": 2, \"name\": \"b", (byte) 0xFF, "d\"}\n"));
    ExampleGenResult result =
        p.apply(ExampleGen.from(Input.jsonLines(dir + "/a.jsonl")).withSchema(xAndName()));
    PAssert.thatSingleton(total(result)).isEqualTo(1L);
    PAssert.that(described(result.errors()))
        .containsInAnyOrder("a.jsonl:2: invalid UTF-8 at byte offset 28: the file must be UTF-8");
    p.run().waitUntilFinish();
  }

  private static Schema xAndName() {
    return Schema.builder().addField("x", FieldType.INT64).addNullableField("name", FieldType.STRING).build();
  }

  private static byte[] concat(String head, byte middle, String tail) {
    byte[] a = head.getBytes(StandardCharsets.UTF_8);
    byte[] c = tail.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[a.length + 1 + c.length];
    System.arraycopy(a, 0, all, 0, a.length);
    all[a.length] = middle;
    System.arraycopy(c, 0, all, a.length + 1, c.length);
    return all;
  }

  @Test
  void edgeFilesEmptyHeaderOnlyAllNullAndUnicode(TestPipeline p) {
    write(dir, "a-empty.csv", "");
    write(dir, "b-header-only.csv", "name,nothing,n\n");
    write(dir, "c-rows.csv", "name,nothing,n\nPingüino 企鹅 🐧,NA,1\n\"comma, inside\",,2\n");
    Schema schema =
        Schema.builder()
            .addField("name", FieldType.STRING)
            .addNullableField("nothing", FieldType.STRING)
            .addField("n", FieldType.INT64)
            .build();
    ExampleGenResult result =
        p.apply(ExampleGen.from(Input.csv(dir + "/*.csv")).withSchema(schema).withSplit(Split.byHash().withRatios("all:1")));
    PAssert.that(result.split("all"))
        .containsInAnyOrder(
            Row.withSchema(schema).addValues("Pingüino 企鹅 🐧", null, 1L).build(),
            Row.withSchema(schema).addValues("comma, inside", null, 2L).build());
    PAssert.that(result.errors()).empty();
    p.run().waitUntilFinish();
  }

  @Test
  void headerWithoutARequiredColumnSendsEveryRowToDeadLetters(TestPipeline p) {
    write(dir, "good.csv", "a,b\n1,2\n");
    write(dir, "bad.csv", "a\n1\n3\n");
    Schema schema = Schema.builder().addField("a", FieldType.INT64).addField("b", FieldType.INT64).build();
    ExampleGenResult result =
        p.apply(ExampleGen.from(Input.csv(dir + "/*.csv")).withSchema(schema));
    PAssert.thatSingleton(total(result)).isEqualTo(1L);
    PAssert.thatSingleton(result.errors().apply("CountErrors", Count.globally())).isEqualTo(2L);
    p.run().waitUntilFinish();
  }

  @Test
  void jsonLinesWithMalformedAndMistypedLines(TestPipeline p) {
    write(
        dir,
        "in.jsonl",
        String.join(
            "\n",
            "{\"id\": 1, \"score\": 0.5, \"tags\": [\"a\"]}",
            "{\"id\": 2, \"score\": \"0.7\"}",
            "{not json",
            "[1, 2]",
            "",
            "{\"id\": 3}"));
    Schema schema =
        Schema.builder()
            .addField("id", FieldType.INT64)
            .addNullableField("score", FieldType.DOUBLE)
            .addNullableField("tags", FieldType.STRING)
            .build();
    ExampleGenResult result =
        p.apply(ExampleGen.from(Input.jsonLines(dir + "/in.jsonl")).withSchema(schema)
            .withSplit(Split.byHash().withRatios("all:1")));
    PAssert.that(result.split("all"))
        .containsInAnyOrder(
            Row.withSchema(schema).addValues(1L, 0.5, "[\"a\"]").build(),
            Row.withSchema(schema).addValues(3L, null, null).build());
    PAssert.that(described(result.errors()).apply("Cut", MapElements.into(TypeDescriptors.strings())
            .via((String s) -> s.startsWith("in.jsonl:3") ? s.substring(0, 30) : s)))
        .containsInAnyOrder(
            "in.jsonl:2: field 'score': string \"0.7\" is not DOUBLE",
            "in.jsonl:3: malformed JSON: Un",
            "in.jsonl:4: not a JSON object");
    p.run().waitUntilFinish();
  }

  @Test
  void predefinedSplitsKeepTheirInputs(TestPipeline p) {
    write(dir, "train.csv", "x,y\n1,a\n2,b\n3,c\n");
    write(dir, "eval.csv", "x,y\n4,d\n");
    Map<String, Input> inputs = new LinkedHashMap<>();
    inputs.put("train", Input.csv(dir + "/train.csv"));
    inputs.put("eval", Input.csv(dir + "/eval.csv"));
    ExampleGenResult result = p.apply(ExampleGen.fromSplits(inputs));
    assertEquals(List.of("train", "eval"), result.splits().names());
    PAssert.thatSingleton(result.split("train").apply("CountTrain", Count.globally())).isEqualTo(3L);
    PAssert.that(result.split("eval"))
        .containsInAnyOrder(Row.withSchema(result.schema()).addValues(4L, "d").build());
    p.run().waitUntilFinish();
  }

  @Test
  void spanPatternsReadTheLatestSpan(TestPipeline p) {
    write(dir, "span-1/a.csv", "x\n1\n2\n");
    write(dir, "span-2/a.csv", "x\n3\n");
    ExampleGenResult result =
        p.apply(ExampleGen.from(Input.csv(dir + "/span-{SPAN}/*.csv")).withSplit(Split.byHash().withRatios("all:1")));
    assertEquals(2L, result.span());
    PAssert.that(result.split("all")).containsInAnyOrder(Row.withSchema(result.schema()).addValues(3L).build());
    p.run().waitUntilFinish();
  }

  @Test
  void configurationErrorsComeBeforeAnyData(TestPipeline p) {
    write(dir, "a.csv", "x\n1\n");
    assertThrows(IllegalArgumentException.class, () -> ExampleGen.fromSplits(Map.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> ExampleGen.fromSplits(Map.of("train", Input.csv("a.csv"))).withSplit(Split.byHash()));
    assertThrows(
        IllegalArgumentException.class,
        () -> ExampleGen.fromSplits(Map.of("bad name", Input.csv("a.csv"))));
    IllegalArgumentException badKey =
        assertThrows(
            IllegalArgumentException.class,
            () -> p.apply(ExampleGen.from(Input.csv(dir + "/a.csv")).withSplit(Split.byHash("nope"))));
    assertTrue(badKey.getMessage().contains("'nope' is not in the examples"));
    p.enableAbandonedNodeEnforcement(false);
  }
}
