package io.tributary.transforms.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.statistics.DatasetStatistics;
import io.tributary.transforms.statistics.FeatureType;
import io.tributary.transforms.statistics.LocalStatistics;
import io.tributary.transforms.statistics.Penguins;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

/** Schema inference on the penguins and on edge cases. */
class SchemaGenTest {
  static final DatasetStatistics PENGUINS = LocalStatistics.compute(Penguins.SCHEMA, Penguins.rows(), null);

  private static FeatureSchema feature(DatasetSchema schema, String name) {
    return schema.feature(name).orElseThrow();
  }

  @Test
  void penguinSchema() {
    DatasetSchema schema = SchemaGen.infer().withLabel("species").from(PENGUINS);
    assertEquals(List.of(DatasetSchema.TRAINING, DatasetSchema.SERVING), schema.environments());
    assertEquals(Penguins.SCHEMA.getFieldNames(), schema.features().stream().map(FeatureSchema::name).toList());

    FeatureSchema species = feature(schema, "species");
    assertEquals(FeatureType.STRING, species.type());
    assertTrue(species.isRequired());
    assertEquals(List.of("Adelie", "Chinstrap", "Gentoo"), species.domain());
    assertEquals(List.of(DatasetSchema.SERVING), species.notInEnvironments());
    assertFalse(species.isIn(DatasetSchema.SERVING));
    assertFalse(species.hasRange());

    FeatureSchema sex = feature(schema, "sex");
    assertEquals(List.of("female", "male"), sex.domain());
    // 333 of 344 present: 0.968 less 3 standard errors of the difference with a sample of 172 (0.0164 each).
    assertEquals(0.9187, sex.minFraction());
    assertEquals(0.9187, feature(schema, "is_male").minFraction());
    assertTrue(sex.minDomainMass() < 1.0);

    FeatureSchema mass = feature(schema, "body_mass_g");
    assertEquals(FeatureType.INT, mass.type());
    assertEquals(0.9729, mass.minFraction(), 1e-4);
    assertEquals(2340.0, mass.min());   // 2700 - 0.1 × 3600
    assertEquals(6660.0, mass.max());
    assertFalse(mass.nanAllowed());
    FeatureSchema flipper = feature(schema, "flipper_length_mm");
    assertEquals(166.0, flipper.min());   // 172 - 5.9, rounded down
    assertEquals(237.0, flipper.max());   // 231 + 5.9, rounded up
    FeatureSchema bill = feature(schema, "bill_length_mm");
    assertEquals(FeatureType.FLOAT, bill.type());
    assertEquals(29.35, bill.min(), 1e-9);
    assertEquals(62.35, bill.max(), 1e-9);
    FeatureSchema year = feature(schema, "year");
    assertTrue(year.isRequired());
    assertEquals(2006.0, year.min());
    assertEquals(2010.0, year.max());
    assertEquals(FeatureType.BOOLEAN, feature(schema, "is_male").type());
  }

  @Test
  void domainSizeCapAndMargin() {
    DatasetSchema schema = SchemaGen.infer().withMaxDomainSize(2).withRangeMargin(0).from(PENGUINS);
    assertNull(feature(schema, "species").domain());
    assertEquals(List.of("female", "male"), feature(schema, "sex").domain());
    assertEquals(2700.0, feature(schema, "body_mass_g").min());
    assertEquals(6300.0, feature(schema, "body_mass_g").max());
    assertNull(feature(SchemaGen.infer().withMaxDomainSize(0).from(PENGUINS), "sex").domain());
  }

  private static DatasetStatistics column(FieldType type, Object... values) {
    Schema schema = Schema.builder().addNullableField("x", type).build();
    List<Row> rows = new ArrayList<>();
    for (Object value : values) {
      rows.add(Row.withSchema(schema).addValue(value).build());
    }
    return LocalStatistics.compute(schema, rows, null);
  }

  @Test
  void identifiersGetNoDomain() {
    assertNull(feature(SchemaGen.infer().from(column(FieldType.STRING, "a", "b", "c")), "x").domain());
    assertNull(feature(SchemaGen.infer().from(column(FieldType.STRING, "b", "a", "a", "b")), "x").domain(),
        "two rows per value are too few for a category");
    assertEquals(List.of("a", "b"), feature(SchemaGen.infer().from(strings("b", 5, "a", 5)), "x").domain());
  }

  @Test
  void nanInfinityNegativeAndConstantColumns() {
    FeatureSchema withNan = feature(SchemaGen.infer().from(column(FieldType.DOUBLE, 1.0, Double.NaN, 3.0)), "x");
    assertTrue(withNan.nanAllowed());
    assertEquals(0.8, withNan.min(), 1e-12);
    FeatureSchema infinite =
        feature(SchemaGen.infer().from(column(FieldType.DOUBLE, 1.0, Double.POSITIVE_INFINITY, 3.0)), "x");
    assertEquals(Double.POSITIVE_INFINITY, infinite.max());
    assertEquals(0.8, infinite.min(), 1e-12);
    FeatureSchema negative = feature(SchemaGen.infer().from(column(FieldType.DOUBLE, -1.0, 1.0)), "x");
    assertEquals(-1.2, negative.min(), 1e-12);
    FeatureSchema nonNegative = feature(SchemaGen.infer().from(column(FieldType.INT64, 0L, 100L)), "x");
    assertEquals(0.0, nonNegative.min());   // -10 would allow negatives that were never seen
    FeatureSchema constant = feature(SchemaGen.infer().from(column(FieldType.INT64, 50L, 50L)), "x");
    assertEquals(45.0, constant.min());
    assertEquals(55.0, constant.max());
  }

  @Test
  void emptyAndAllMissingColumns() {
    FeatureSchema empty = feature(SchemaGen.infer().from(column(FieldType.DOUBLE)), "x");
    assertEquals(0.0, empty.minFraction());
    assertFalse(empty.hasRange());
    FeatureSchema missing = feature(SchemaGen.infer().from(column(FieldType.STRING, null, null)), "x");
    assertEquals(0.0, missing.minFraction());
    assertNull(missing.domain());
  }

  @Test
  void badSettingsNameTheFix() {
    assertEquals(
        "withRangeMargin(-1.0): pass a finite share >= 0, e.g. 0.1",
        assertThrows(IllegalArgumentException.class, () -> SchemaGen.infer().withRangeMargin(-1)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> SchemaGen.infer().withMaxDomainSize(-1));
    assertThrows(IllegalArgumentException.class, () -> SchemaGen.infer().withAbsentIn("SERVING"));
    assertEquals(
        "withAbsentIn/withLabel names 'label', which is not a feature of these statistics",
        assertThrows(IllegalArgumentException.class, () -> SchemaGen.infer().withLabel("label").from(PENGUINS))
            .getMessage());
    DatasetSchema staging = SchemaGen.infer().withAbsentIn("STAGING", "year").from(PENGUINS);
    assertEquals(List.of("TRAINING", "SERVING", "STAGING"), staging.environments());
  }

  private static DatasetStatistics strings(Object... valueThenCount) {
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < valueThenCount.length; i += 2) {
      for (int n = 0; n < (Integer) valueThenCount[i + 1]; n++) {
        values.add(valueThenCount[i]);
      }
    }
    return column(FieldType.STRING, values.toArray());
  }

  @Test
  void rareLevelsOfACategoryStayInItsDomainWithRoomForNewOnes() {
    InferredSchema inferred = SchemaGen.infer().inference(strings("CBlock", 120, "PConc", 90, "PreCast", 1));
    FeatureSchema x = feature(inferred.schema(), "x");
    assertEquals(List.of("CBlock", "PConc", "PreCast"), x.domain());
    // One value seen once in 211: Good-Turing expects 0.47% new values, plus 3 standard errors for 105 rows.
    assertEquals(0.9751, x.minDomainMass());
    assertEquals(List.of(), inferred.notes());
  }

  @Test
  void datesIdsAndFreeTextGetNoDomainAndANote() {
    Object[] dates = new Object[60];
    for (int i = 0; i < dates.length; i++) {
      dates[i] = "2012-01-0" + (1 + i % 9);
    }
    InferredSchema date = SchemaGen.infer().inference(column(FieldType.STRING, dates));
    assertNull(feature(date.schema(), "x").domain(), "9 dates seen 6 or 7 times each are still dates");
    assertEquals(List.of("x: no domain: the values look like dates or times, and a later sample has new ones"), date.notes());

    InferredSchema ids = SchemaGen.infer().inference(strings("a1", 2, "a2", 2, "a3", 2));
    assertNull(feature(ids.schema(), "x").domain());
    assertEquals(List.of("x: no domain: 3 distinct values in 6 rows repeat too little (fewer than 5 rows per value):"
        + " looks like ids or free text"), ids.notes());

    InferredSchema text = SchemaGen.infer().inference(strings("None", 200, "needs a new roof", 1, "good", 1,
        "nice garden", 1, "a", 1, "b", 1, "c", 1, "d", 1, "e", 1, "f", 1, "g", 1));
    assertNull(feature(text.schema(), "x").domain());
    assertEquals(List.of("x: no domain: 10 of its 11 distinct values were seen once: looks like ids or free text"),
        text.notes());
  }

  @Test
  void presenceBoundsAreSizedForTheOtherSample() {
    Object[] values = new Object[1000];
    for (int i = 0; i < values.length; i++) {
      values[i] = i % 100 == 0 ? null : (long) i;
    }
    DatasetStatistics statistics = column(FieldType.INT64, values);
    // 99% present; the difference of two samples' shares has the standard error sqrt(0.99 × 0.01 × (1/1000 + 1/m)).
    assertEquals(0.9736, feature(SchemaGen.infer().from(statistics), "x").minFraction(), "m = 500, half the rows");
    assertEquals(0.9586, feature(SchemaGen.infer().withHeldOutRows(100).from(statistics), "x").minFraction());
    assertEquals(1.0, feature(SchemaGen.infer().from(column(FieldType.INT64, 1L, 2L)), "x").minFraction(),
        "always present: required, as in TFDV");
    assertThrows(IllegalArgumentException.class, () -> SchemaGen.infer().withHeldOutRows(-1));
  }

  @Test
  void rangesToleratePastTheirEndsWhatAnotherSampleReaches() {
    // A new value lies beyond the extremes of 344 values with probability 2/345; 3 standard errors for 172 rows.
    assertEquals(0.9767, feature(SchemaGen.infer().from(PENGUINS), "body_mass_g").minRangeMass());
    Object[] values = new Object[20_000];
    for (int i = 0; i < values.length; i++) {
      values[i] = (double) i;
    }
    assertEquals(0.99, feature(SchemaGen.infer().from(column(FieldType.DOUBLE, values)), "x").minRangeMass(),
        "at least 1% is always tolerated");
  }
}
