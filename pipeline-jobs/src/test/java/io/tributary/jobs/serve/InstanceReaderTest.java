package io.tributary.jobs.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.transforms.transform.Step;
import io.tributary.transforms.transform.TransformFn;
import io.tributary.transforms.transform.TransformSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

class InstanceReaderTest {

  private static final Schema SCHEMA = Schema.builder()
      .addNullableField("size", FieldType.DOUBLE)
      .addNullableField("count", FieldType.INT64)
      .addNullableField("colour", FieldType.STRING)
      .addNullableField("member", FieldType.BOOLEAN)
      .addNullableField("label", FieldType.STRING)
      .build();
  private static final InstanceReader READER = InstanceReader.of(TransformFn.fit(
      TransformSpec.builder()
          .feature("size_z", "size", Step.imputeMean(), Step.zScore())
          .feature("count_z", "count", Step.imputeMean(), Step.zScore())
          .feature("colour_i", "colour", Step.vocabulary())
          .feature("member_i", "member", Step.vocabulary())
          .passThrough("label")
          .build(),
      SCHEMA,
      List.of(Row.withSchema(SCHEMA).addValues(1.5, 3L, "red", true, "a").build())));
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static Map<String, Object> read(String json) throws Exception {
    return READER.read(MAPPER.readTree(json));
  }

  @Test
  void convertsJsonValuesToTheColumnTypes() throws Exception {
    Map<String, Object> expected = new HashMap<>(Map.of("size", 2.0, "count", 4L, "colour", "blue", "member", false));
    assertEquals(expected, read("{\"size\":2,\"count\":4.0,\"colour\":\"blue\",\"member\":false,\"id\":\"ignored\"}"));
    expected.put("size", null);
    expected.put("label", "a");
    assertEquals(expected, read("{\"size\":null,\"count\":4,\"colour\":\"blue\",\"member\":false,\"label\":\"a\"}"));
  }

  @Test
  void rejectsMissingAndMistypedFeatures() {
    assertMessage("lacks feature 'colour' (STRING): give it, or null for a missing value",
        "{\"size\":2,\"count\":4,\"member\":true}");
    assertMessage("has feature 'count' = 4.5 (number), but it must be an integer (INT64)",
        "{\"size\":2,\"count\":4.5,\"colour\":\"x\",\"member\":true}");
    assertMessage("has feature 'size' = \"2\" (string), but it must be a number (DOUBLE)",
        "{\"size\":\"2\",\"count\":4,\"colour\":\"x\",\"member\":true}");
    assertMessage("has feature 'member' = \"yes\" (string), but it must be a boolean (BOOLEAN)",
        "{\"size\":2,\"count\":4,\"colour\":\"x\",\"member\":\"yes\"}");
    assertMessage("has feature 'size' beyond the range of DOUBLE: give a finite number",
        "{\"size\":1e999,\"count\":4,\"colour\":\"x\",\"member\":true}");
    assertMessage("has feature 'count' = 99999999999999999999 (number), but it must be an integer (INT64)",
        "{\"size\":2,\"count\":99999999999999999999,\"colour\":\"x\",\"member\":true}");
    assertMessage("is array, not an object of raw features", "[1]");
  }

  private static void assertMessage(String message, String json) {
    InstanceException e = assertThrows(InstanceException.class, () -> read(json));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }
}
