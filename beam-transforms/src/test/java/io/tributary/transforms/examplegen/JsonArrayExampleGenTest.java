package io.tributary.transforms.examplegen;

import static io.tributary.transforms.testing.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.transforms.split.Split;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** ExampleGen on a {@code .json} file that is one array of objects, like the corpus's movies.json. */
@ExtendWith(TestPipelineExtension.class)
class JsonArrayExampleGenTest {

  @TempDir Path dir;

  private static final String MOVIES = """
      [
        {"Title": "The Land Girls", "IMDB Rating": 6.1, "Running Time min": null, "Votes": 1071},
        {"Title": 1776, "IMDB Rating": 7, "Running Time min": 141, "Votes": 2000},
        {"Title": "Slam", "IMDB Rating": 3.4, "Votes": 165, },
        {"Title": "Following", "IMDB Rating": 7.8, "Running Time min": 69, "Votes": 15133}
      ]
      """;

  @Test
  void theSchemaIsInferredFromTheArrayAsFromJsonLines() {
    write(dir, "movies.json", MOVIES.replace("\"Votes\": 165, }", "\"Votes\": 165}"));
    InferredSchema inferred = SchemaInference.infer(List.of(InputResolver.resolve(Input.of(dir + "/movies.json"))));
    Schema expected = Schema.builder()
        .addField("Title", FieldType.STRING)              // a number among strings: text
        .addField("IMDB_Rating", FieldType.DOUBLE)        // 7 among decimals: double
        .addNullableField("Running_Time_min", FieldType.INT64)
        .addField("Votes", FieldType.INT64)
        .build();
    assertEquals(4, inferred.rowsSampled());
    assertEquals(expected, inferred.schema());
  }

  @Test
  void eachObjectIsARowAndAMalformedOneADeadLetterOnItsLine(TestPipeline p) {
    write(dir, "movies.json", MOVIES);
    Schema schema = Schema.builder()
        .addField("Title", FieldType.STRING)
        .addField("IMDB_Rating", FieldType.DOUBLE)
        .addNullableField("Running_Time_min", FieldType.INT64)
        .addField("Votes", FieldType.INT64)
        .build();
    ExampleGenResult result = p.apply(ExampleGen.from(Input.of(dir + "/movies.json")).withSchema(schema)
        .withSplit(Split.byHash().withRatios("all:1")));
    PAssert.that(result.split("all")).containsInAnyOrder(
        Row.withSchema(schema).addValues("The Land Girls", 6.1, null, 1071L).build(),
        Row.withSchema(schema).addValues("1776", 7.0, 141L, 2000L).build(),
        Row.withSchema(schema).addValues("Following", 7.8, 69L, 15133L).build());
    PAssert.that(result.errors().apply(MapElements.into(TypeDescriptors.strings())
            .via((Row r) -> r.getInt64("line") + ": " + r.getString("reason").substring(0, 14))))
        .containsInAnyOrder("4: malformed JSON");
    p.run().waitUntilFinish();
  }
}
