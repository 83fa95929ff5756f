package io.tributary.transforms.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.junit.jupiter.api.Test;

class ColumnNamesTest {

  private static final Schema SCHEMA =
      Schema.builder()
          .addStringField("Species")
          .addNullableField("Culmen_Length__mm_", FieldType.DOUBLE)
          .addNullableField("Body_Mass__g_", FieldType.INT64)
          .build();

  private static ColumnNames penguins() {
    Map<String, String> byOriginal = new LinkedHashMap<>();
    byOriginal.put("Species", "Species");
    byOriginal.put("Culmen Length (mm)", "Culmen_Length__mm_");
    byOriginal.put("Body Mass (g)", "Body_Mass__g_");
    return ColumnNames.of(byOriginal);
  }

  @Test
  void eitherNameFindsTheField() {
    ColumnNames names = penguins();
    assertEquals("Culmen_Length__mm_", names.field("Culmen Length (mm)"));
    assertEquals("Culmen_Length__mm_", names.field("Culmen_Length__mm_"));
    assertEquals("Species", names.field("Species"));
    assertNull(names.field("Culmen Length"));
    assertEquals("Body Mass (g)", names.original("Body_Mass__g_"));
    assertEquals("unknown", names.original("unknown"));
    assertEquals("'Body Mass (g)' (field Body_Mass__g_)", names.describe("Body_Mass__g_"));
    assertEquals("'Species'", names.describe("Species"));
  }

  @Test
  void anUnknownNameFailsListingTheColumnsAsTheUserKnowsThem() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> penguins().require("Culmen Lenght (mm)", "the label"));
    assertEquals(
        "the label names column 'Culmen Lenght (mm)', which is not in the examples; columns are [Species, Culmen"
            + " Length (mm), Body Mass (g)]",
        e.getMessage());
  }

  @Test
  void twoColumnsCannotShareAField() {
    Map<String, String> clash = new LinkedHashMap<>();
    clash.put("a b", "a_b");
    clash.put("a_b", "a_b");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ColumnNames.of(clash));
    assertEquals("columns 'a b' and 'a_b' both map to field 'a_b': give each column its own field", e.getMessage());
  }

  @Test
  void theAvroSchemaCarriesTheOriginalNames() {
    org.apache.avro.Schema plain = ExamplesIO.avroSchema(SCHEMA);
    org.apache.avro.Schema annotated = penguins().annotate(plain);
    assertEquals("Culmen Length (mm)", annotated.getField("Culmen_Length__mm_").getProp(ColumnNames.AVRO_PROPERTY));
    assertNull(annotated.getField("Species").getProp(ColumnNames.AVRO_PROPERTY));
    ColumnNames again = ColumnNames.of(new org.apache.avro.Schema.Parser().parse(annotated.toString()));
    assertEquals(penguins(), again);
    assertEquals(ColumnNames.of(SCHEMA), ColumnNames.of(plain), "no property: every field is its own column");
    // Nothing renamed: the schema is left exactly as it was.
    assertSame(plain, ColumnNames.of(SCHEMA).annotate(plain));
  }

  @Test
  void restrictedToSomeFields() {
    ColumnNames kept = penguins().restrictTo(List.of("Body_Mass__g_", "absent"));
    assertEquals(List.of("Body_Mass__g_"), kept.fields());
    assertEquals(Map.of("Body Mass (g)", "Body_Mass__g_"), kept.renamed());
  }
}
