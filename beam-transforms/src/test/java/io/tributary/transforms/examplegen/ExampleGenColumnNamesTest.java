package io.tributary.transforms.examplegen;

import static io.tributary.transforms.testing.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.transforms.examples.ColumnNames;
import io.tributary.transforms.examples.ExamplesIO;
import io.tributary.transforms.split.Split;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Columns whose names are not Avro field names: distinct fields, and the map back to the originals. */
@ExtendWith(TestPipelineExtension.class)
class ExampleGenColumnNamesTest {

  @TempDir Path dir;

  private static PCollection<String> values(PCollection<Row> rows) {
    return rows.apply(
        "Values",
        MapElements.into(TypeDescriptors.strings())
            .via((Row r) -> r.getSchema().getFieldNames() + "=" + r.getValues()));
  }

  private static ExampleGen oneSplit(Input input) {
    return ExampleGen.from(input).withSplit(Split.byHash().withRatios("all:1"));
  }

  @Test
  void csvColumnsThatSanitiseAlikeStayDistinct(TestPipeline p) {
    write(dir, "in.csv", "a b,a_b,Culmen Length (mm)\n1,2,39.1\n3,4,40.5\n");
    ExampleGenResult result = p.apply(oneSplit(Input.csv(dir + "/in.csv")));
    assertEquals(List.of("a_b_2", "a_b", "Culmen_Length__mm_"), result.schema().getFieldNames());
    assertEquals(
        Map.of("a b", "a_b_2", "Culmen Length (mm)", "Culmen_Length__mm_"), result.columnNames().renamed());
    PAssert.that(values(result.split("all")))
        .containsInAnyOrder(
            "[a_b_2, a_b, Culmen_Length__mm_]=[1, 2, 39.1]", "[a_b_2, a_b, Culmen_Length__mm_]=[3, 4, 40.5]");
    PAssert.that(result.errors()).empty();
    p.run().waitUntilFinish();
  }

  @Test
  void jsonKeysThatSanitiseAlikeAreNotMerged(TestPipeline p) {
    write(dir, "in.jsonl", "{\"a b\": 1, \"a_b\": 2}\n{\"a b\": 3, \"a_b\": 4}\n");
    ExampleGenResult result = p.apply(oneSplit(Input.jsonLines(dir + "/in.jsonl")));
    assertEquals(List.of("a_b_2", "a_b"), result.schema().getFieldNames());
    assertEquals(Map.of("a b", "a_b_2"), result.columnNames().renamed());
    PAssert.that(values(result.split("all")))
        .containsInAnyOrder("[a_b_2, a_b]=[1, 2]", "[a_b_2, a_b]=[3, 4]");
    p.run().waitUntilFinish();
  }

  @Test
  void theExamplesSchemaRecordsTheOriginalNames(TestPipeline p) {
    write(dir, "in.csv", "Species,Body Mass (g)\nAdelie,3750\n");
    ExampleGenResult result = p.apply(oneSplit(Input.csv(dir + "/in.csv")));
    String folder = dir.resolve("Split-all").toString();
    result.split("all").apply(ExamplesIO.write(folder).withColumnNames(result.columnNames()));
    p.run().waitUntilFinish();
    ColumnNames names = ExamplesIO.readColumnNames(folder);
    assertEquals(Map.of("Body Mass (g)", "Body_Mass__g_"), names.renamed());
    assertEquals("Body_Mass__g_", names.field("Body Mass (g)"));
  }

  @Test
  void avroInputKeepsTheOriginalNamesItsSchemaRecords(TestPipeline p) throws Exception {
    // As the model server's request log writes them: field names, with the user's names as the "column" property.
    org.apache.avro.Schema schema = new org.apache.avro.Schema.Parser().parse(
        "{\"type\":\"record\",\"name\":\"Example\",\"fields\":["
            + "{\"name\":\"Body_Mass__g_\",\"type\":[\"null\",\"double\"],\"column\":\"Body Mass (g)\"},"
            + "{\"name\":\"island\",\"type\":[\"null\",\"string\"]}]}");
    org.apache.avro.generic.GenericData.Record record = new org.apache.avro.generic.GenericData.Record(schema);
    record.put("Body_Mass__g_", 3750.0);
    record.put("island", "Biscoe");
    try (org.apache.avro.file.DataFileWriter<org.apache.avro.generic.GenericRecord> writer =
        new org.apache.avro.file.DataFileWriter<>(new org.apache.avro.generic.GenericDatumWriter<>(schema))) {
      writer.create(schema, dir.resolve("in.avro").toFile());
      writer.append(record);
    }
    ExampleGenResult result = p.apply(oneSplit(Input.avro(dir + "/in.avro")));
    assertEquals(Map.of("Body Mass (g)", "Body_Mass__g_"), result.columnNames().renamed());
    PAssert.that(values(result.split("all"))).containsInAnyOrder("[Body_Mass__g_, island]=[3750.0, Biscoe]");
    p.run().waitUntilFinish();
  }
}
