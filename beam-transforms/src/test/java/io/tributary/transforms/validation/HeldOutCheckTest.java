package io.tributary.transforms.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.schema.DatasetSchema;
import io.tributary.transforms.schema.FeatureSchema;
import io.tributary.transforms.schema.InferredSchema;
import io.tributary.transforms.schema.SchemaGen;
import io.tributary.transforms.statistics.DatasetStatistics;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.junit.jupiter.api.Test;

/** The schema inferred from one sample, checked and relaxed on another. */
class HeldOutCheckTest {
  private static final Schema COLUMNS =
      Schema.builder().addNullableField("x", Schema.FieldType.INT64).addNullableField("c", Schema.FieldType.STRING).build();

  private static DatasetStatistics train() {
    List<Object[]> rows = new ArrayList<>();
    for (long i = 1; i <= 100; i++) {
      rows.add(new Object[] {i, i % 2 == 0 ? "a" : "b"});
    }
    return Data.table(COLUMNS, rows.toArray(new Object[0][]));
  }

  /** 50 rows: one without x, ten x far above the range, five with a new category. */
  private static DatasetStatistics heldOut() {
    List<Object[]> rows = new ArrayList<>();
    for (long i = 1; i <= 50; i++) {
      rows.add(new Object[] {i == 7 ? null : i > 40 ? 200L : i, i > 45 ? "c" : i % 2 == 0 ? "a" : "b"});
    }
    return Data.table(COLUMNS, rows.toArray(new Object[0][]));
  }

  @Test
  void whatACleanHeldOutSampleBreaksIsRelaxedAndNoted() {
    InferredSchema inferred = SchemaGen.infer().withHeldOutRows(50).inference(train());
    assertTrue(ExampleValidator.validate(inferred.schema()).check(heldOut()).hasErrors(), "the test needs errors to relax");

    InferredSchema checked = HeldOutCheck.relax(inferred, List.of(heldOut()));
    assertEquals(List.of(), ExampleValidator.validate(checked.schema()).check(heldOut()).errors());
    FeatureSchema x = checked.schema().feature("x").orElseThrow();
    assertEquals(0.9206, x.minFraction(), "49 of 50 present, less 3 standard errors");
    assertEquals(200.0, x.max());
    assertEquals(List.of("a", "b", "c"), checked.schema().feature("c").orElseThrow().domain());
    List<String> notes = checked.notes();
    assertEquals(3, notes.size(), notes.toString());
    assertTrue(notes.get(0).startsWith("x: minFraction lowered from 1 to 0.9206, for split test (50 rows): The value is"
        + " present in 98% of the rows"), notes.get(0));
    assertTrue(notes.get(1).startsWith("x: range widened from [0, 110] to [0, 200], for split test (50 rows): 10 of 49"
        + " values"), notes.get(1));
    assertTrue(notes.get(2).startsWith("c: added 'c' to the domain, for split test (50 rows): 5 of 50 values (10%)"),
        notes.get(2));
  }

  @Test
  void whatCannotBeRelaxedStaysAndIsNoted() {
    Schema onlyX = Schema.builder().addNullableField("x", Schema.FieldType.INT64).build();
    DatasetStatistics dropped = Data.table(onlyX, new Object[] {1L}, new Object[] {2L});
    InferredSchema checked = HeldOutCheck.relax(SchemaGen.infer().inference(train()), List.of(dropped));
    DatasetSchema schema = checked.schema();
    assertEquals(SchemaGen.infer().from(train()), schema);
    assertEquals(List.of("c: not relaxed, split test (2 rows) has: The schema lists this STRING feature, but the data"
        + " has no such column."), checked.notes());
  }
}
