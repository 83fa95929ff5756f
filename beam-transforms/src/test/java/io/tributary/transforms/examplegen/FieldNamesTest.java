package io.tributary.transforms.examplegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.transforms.examples.ColumnNames;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldNamesTest {

  @Test
  void sanitiseKeepsValidNamesAndReplacesTheRest() {
    assertEquals("Culmen_Length__mm_", FieldNames.sanitize("Culmen Length (mm)"));
    assertEquals("Delta_15_N__o_oo_", FieldNames.sanitize("Delta 15 N (o/oo)"));
    assertEquals("_2nd", FieldNames.sanitize("2nd"));
    assertEquals("_", FieldNames.sanitize("  "));
    assertEquals("island", FieldNames.sanitize("island"));
  }

  @Test
  void columnsThatSanitiseAlikeStayDistinct() {
    assertEquals(List.of("a_b_2", "a_b"), FieldNames.of(List.of("a b", "a_b")));
    assertEquals(List.of("a_b", "a_b_2"), FieldNames.of(List.of("a_b", "a b")));
    assertEquals(List.of("a_b_2", "a_b_3", "a_b"), FieldNames.of(List.of("a b", "a-b", "a_b")));
    // A suffixed name that is itself a column keeps it; the renamed column moves on.
    assertEquals(List.of("a_b_3", "a_b", "a_b_2"), FieldNames.of(List.of("a b", "a_b", "a_b_2")));
  }

  @Test
  void theSameNameTwiceKeepsOneFieldSoTheDuplicateIsReported() {
    assertEquals(List.of("x_y", "x_y"), FieldNames.of(List.of("x y", "x y")));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FieldNames.columnNames(List.of("x y", "x y")));
    assertEquals("column 'x y' is named twice: rename one", e.getMessage());
  }

  @Test
  void columnNamesMapBothWays() {
    ColumnNames names = FieldNames.columnNames(List.of("Species", "Culmen Length (mm)", "a b", "a_b"));
    assertEquals(List.of("Species", "Culmen_Length__mm_", "a_b_2", "a_b"), names.fields());
    assertEquals(Map.of("Culmen Length (mm)", "Culmen_Length__mm_", "a b", "a_b_2"), names.renamed());
    assertEquals("a_b", names.field("a_b"));
    assertEquals("a_b_2", names.field("a b"));
  }
}
