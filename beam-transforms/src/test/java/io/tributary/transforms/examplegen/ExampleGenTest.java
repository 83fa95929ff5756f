package io.tributary.transforms.examplegen;

import static io.tributary.transforms.testing.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.split.Split;
import io.tributary.transforms.testing.TestFiles;
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
            "in.csv:7: unbalanced quote: a quoted field that starts on this line is never closed",
            "in.csv:11: expected 3 fields, as in the header, but found 4");
    p.run().waitUntilFinish();
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
