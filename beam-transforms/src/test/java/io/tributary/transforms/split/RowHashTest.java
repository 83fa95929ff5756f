package io.tributary.transforms.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

class RowHashTest {

  private static final Schema SCHEMA =
      Schema.builder()
          .addNullableField("id", Schema.FieldType.INT64)
          .addNullableField("name", Schema.FieldType.STRING)
          .addNullableField("x", Schema.FieldType.DOUBLE)
          .build();

  @Test
  void hashIsPinnedSoOldSplitsStayReproducible() {
    Row row = Row.withSchema(SCHEMA).addValues(42L, "Adelie", 3.5).build();
    // If this value changes, every user's train/eval assignment changes: do not change it lightly.
    assertEquals(
        RowHash.hash(row, new int[] {0, 1, 2}, 0L),
        RowHash.hash(Row.withSchema(SCHEMA).addValues(42L, "Adelie", 3.5).build(), new int[] {0, 1, 2}, 0L));
    assertEquals(-1551370860448635087L, RowHash.hash(row, new int[] {0, 1, 2}, 0L));
  }

  @Test
  void typesNullsAndSeedsAreDistinguished() {
    Schema strings = Schema.builder().addNullableField("id", Schema.FieldType.STRING).build();
    Row longOne = Row.withSchema(SCHEMA).addValues(1L, null, null).build();
    Row stringOne = Row.withSchema(strings).addValues("1").build();
    assertNotEquals(RowHash.hash(longOne, new int[] {0}, 0), RowHash.hash(stringOne, new int[] {0}, 0));
    Row nullId = Row.withSchema(SCHEMA).addValues(null, null, null).build();
    assertNotEquals(RowHash.hash(nullId, new int[] {0}, 0), RowHash.hash(longOne, new int[] {0}, 0));
    assertNotEquals(RowHash.hash(longOne, new int[] {0}, 0), RowHash.hash(longOne, new int[] {0}, 1));
  }

  @Test
  void unitIsInTheHalfOpenInterval() {
    assertEquals(0.0, RowHash.unit(0L));
    assertTrue(RowHash.unit(-1L) < 1.0);
  }
}
