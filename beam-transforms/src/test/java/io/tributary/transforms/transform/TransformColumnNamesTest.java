package io.tributary.transforms.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.examples.ColumnNames;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A spec naming columns as the user knows them, and the names kept in the fitted transform. */
class TransformColumnNamesTest {

  /** SmallData's fields as if read from a header "Size (cm)", "n", "Colour Code", "d". */
  private static final ColumnNames NAMES = names();

  private static ColumnNames names() {
    Map<String, String> byOriginal = new LinkedHashMap<>();
    byOriginal.put("Size (cm)", "x");
    byOriginal.put("n", "n");
    byOriginal.put("Colour Code", "c");
    byOriginal.put("d", "d");
    return ColumnNames.of(byOriginal);
  }

  private static final String SPEC = String.join("\n",
      "features:",
      "  - {name: size_z, inputs: [Size (cm)], steps: [{op: impute, strategy: mean}, {op: zScore}]}",
      "  - {name: colour, inputs: [Colour Code], steps: [{op: vocabulary}]}",
      "passThrough: [n]",
      "drop: [d]");

  @Test
  void aSpecMayNameOriginalOrFieldNames() {
    TransformSpec spec = TransformSpec.fromYaml(SPEC).resolve(NAMES);
    assertEquals(List.of("x"), spec.features().get(0).inputs());
    assertEquals(List.of("c"), spec.features().get(1).inputs());
    assertEquals(List.of("n"), spec.passThrough());
    assertEquals(List.of("d"), spec.drop());
    TransformSpec byField = TransformSpec.fromYaml(SPEC.replace("Size (cm)", "x")).resolve(NAMES);
    assertEquals(spec, byField);
    assertEquals(List.of("size_z", "colour", "n"), spec.outputSchema(SmallData.SCHEMA).getFieldNames());
  }

  @Test
  void aPassedThroughOriginalNameKeepsItsFieldName() {
    TransformSpec spec =
        TransformSpec.builder().feature("n_z", "n", Step.zScore()).passThrough("Size (cm)").drop("Colour Code", "d")
            .build().resolve(NAMES);
    assertEquals(List.of("n_z", "x"), spec.outputSchema(SmallData.SCHEMA).getFieldNames());
  }

  @Test
  void anUnknownColumnIsNamedWithTheColumnsTheUserKnows() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> TransformSpec.fromYaml(SPEC.replace("Size (cm)", "Size")).resolve(NAMES));
    assertEquals(
        "feature 'size_z' names column 'Size', which is not in the examples; columns are [Size (cm), n, Colour Code, d]",
        e.getMessage());
  }

  @Test
  void aForgottenColumnIsNamedAsTheUserKnowsIt() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> TransformSpec.fromYaml(SPEC.replace("  - {name: colour, inputs: [Colour Code], steps: [{op: vocabulary}]}\n", ""))
                .resolve(NAMES));
    assertEquals(
        "column 'Colour Code' is neither transformed, passed through nor dropped: add passThrough(\"Colour Code\") or"
            + " drop(\"Colour Code\")",
        e.getMessage());
  }

  @Test
  void theFittedTransformKeepsTheOriginalNamesAndServesThem() {
    TransformSpec spec = TransformSpec.fromYaml(SPEC).resolve(NAMES);
    TransformFn fn = TransformFn.fit(spec, SmallData.SCHEMA, SmallData.rows()).withColumnNames(NAMES);
    assertEquals("Size (cm)", fn.columnNames().original("x"));
    assertTrue(fn.toJson().contains("\"column\" : \"Size (cm)\""), fn.toJson());
    TransformFn again = TransformFn.fromJson(fn.toJson());
    assertEquals(fn, again);
    assertEquals(Map.of("Size (cm)", "x", "Colour Code", "c"), again.columnNames().renamed());

    Map<String, Object> byOriginal = new HashMap<>();
    byOriginal.put("Size (cm)", 3.0);
    byOriginal.put("Colour Code", "b");
    byOriginal.put("n", 5L);
    Map<String, Object> byField = Map.of("x", 3.0, "c", "b", "n", 5L);
    assertEquals(again.apply(byField), again.apply(byOriginal));
  }

  @Test
  void withoutRenamesTheJsonIsAsBefore() {
    TransformSpec spec = TransformSpec.fromYaml(SPEC.replace("Size (cm)", "x").replace("Colour Code", "c"));
    TransformFn fn = TransformFn.fit(spec, SmallData.SCHEMA, SmallData.rows());
    assertEquals(fn.toJson(), fn.withColumnNames(ColumnNames.of(SmallData.SCHEMA)).toJson());
    assertTrue(!fn.toJson().contains("\"column\""), fn.toJson());
  }
}
