package io.tributary.transforms.examplegen;

import static io.tributary.transforms.testing.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.testing.TestFiles;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaInferenceTest {

  @TempDir Path dir;

  private static InferredSchema infer(Input input) {
    return SchemaInference.infer(List.of(InputResolver.resolve(input)));
  }

  @Test
  void penguinSchemaIsExactWhenTheSampleIsTheWholeFile() {
    InferredSchema inferred = infer(Input.csv(TestFiles.penguins().toString()));
    assertTrue(inferred.wholeInput());
    assertEquals(344, inferred.rowsSampled());
    Schema expected =
        Schema.builder()
            .addNullableField("species", FieldType.STRING)
            .addNullableField("island", FieldType.STRING)
            .addNullableField("bill_length_mm", FieldType.DOUBLE)
            .addNullableField("bill_depth_mm", FieldType.DOUBLE)
            .addNullableField("flipper_length_mm", FieldType.INT64)
            .addNullableField("body_mass_g", FieldType.INT64)
            .addNullableField("sex", FieldType.STRING)
            .addField("year", FieldType.INT64)
            .build();
    // species and island are never missing in the data, so they are required:
    expected =
        Schema.builder()
            .addField("species", FieldType.STRING)
            .addField("island", FieldType.STRING)
            .addFields(expected.getFields().subList(2, 8))
            .build();
    assertTrue(expected.equivalent(inferred.schema()), "inferred " + inferred.schema());
  }

  @Test
  void aPartialSampleMakesEveryFieldNullable() {
    write(dir, "a.csv", "n,s\n1,x\n2,y\n3.5,z\n");
    InferredSchema inferred = infer(Input.csv(dir + "/a.csv").withInferenceSampleRows(2));
    assertFalse(inferred.wholeInput());
    assertEquals(FieldType.INT64.withNullable(true), inferred.schema().getField("n").getType());
  }

  @Test
  void typesWidenAndOddColumnsStayStrings() {
    write(dir, "a.csv", "i,d,b,s,allnull,name with space\n1,1,true,1,NA,x\n2,2.5,FALSE,x,,y\n");
    Schema schema = infer(Input.csv(dir + "/a.csv")).schema();
    assertEquals(FieldType.INT64, schema.getField("i").getType());
    assertEquals(FieldType.DOUBLE, schema.getField("d").getType());
    assertEquals(FieldType.BOOLEAN, schema.getField("b").getType());
    assertEquals(FieldType.STRING, schema.getField("s").getType());
    assertEquals(FieldType.STRING.withNullable(true), schema.getField("allnull").getType());
    assertTrue(schema.hasField("name_with_space"));
  }

  @Test
  void headerOnlyFileGivesAllNullableStringColumns() {
    write(dir, "h.csv", "a,b\n");
    Schema schema = infer(Input.csv(dir + "/h.csv")).schema();
    assertEquals(List.of("a", "b"), schema.getFieldNames());
    assertTrue(schema.getField("a").getType().getNullable());
  }

  @Test
  void emptyFilesCannotGiveASchema() {
    write(dir, "e.csv", "");
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> infer(Input.csv(dir + "/e.csv")))
            .getMessage().contains("declare a schema"));
  }

  @Test
  void duplicateColumnNamesAreAnError() {
    write(dir, "d.csv", "a b,x,a b\n1,2,3\n");
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> infer(Input.csv(dir + "/d.csv")))
            .getMessage().contains("names column 'a b' twice"));
  }

  @Test
  void namesThatSanitiseAlikeAreDistinctColumns() {
    write(dir, "d.csv", "a b,a_b\n1,2\n");
    InferredSchema inferred = infer(Input.csv(dir + "/d.csv"));
    assertEquals(List.of("a_b_2", "a_b"), inferred.schema().getFieldNames());
    assertEquals("a b", inferred.columns().original("a_b_2"));
  }

  @Test
  void jsonTypesComeFromJson() {
    write(
        dir,
        "a.jsonl",
        "{\"i\":1,\"d\":1,\"s\":\"1\",\"b\":true}\n{\"i\":2,\"d\":2.5,\"s\":\"x\",\"b\":false,\"late\":7}\n");
    Schema schema = infer(Input.jsonLines(dir + "/a.jsonl")).schema();
    assertEquals(FieldType.INT64, schema.getField("i").getType());
    assertEquals(FieldType.DOUBLE, schema.getField("d").getType());
    assertEquals(FieldType.STRING, schema.getField("s").getType(), "JSON strings stay strings");
    assertEquals(FieldType.BOOLEAN, schema.getField("b").getType());
    assertEquals(FieldType.INT64.withNullable(true), schema.getField("late").getType());
  }

  /** Issue 17: one value with a byte that is not UTF-8 turned a numeric column into STRING. */
  @Test
  void invalidUtf8DoesNotChangeAnInferredType() throws Exception {
    byte[] head = "n,name\n1,a\n2".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] tail = ",b\n3,c\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] bytes = java.util.Arrays.copyOf(head, head.length + 1 + tail.length);
    bytes[head.length] = (byte) 0xFF;
    System.arraycopy(tail, 0, bytes, head.length + 1, tail.length);
    java.nio.file.Files.write(dir.resolve("bad.csv"), bytes);
    InferredSchema inferred = infer(Input.csv(dir + "/bad.csv"));
    assertEquals(FieldType.INT64, inferred.schema().getField("n").getType());
    assertEquals(2, inferred.rowsSampled());
  }
}
