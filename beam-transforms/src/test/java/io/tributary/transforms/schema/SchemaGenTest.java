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
    // 333 of 344 present: 0.968 less 3 standard errors (0.0095 each), rounded down.
    assertEquals(0.9395, sex.minFraction());
    assertEquals(0.9395, feature(schema, "is_male").minFraction());

    FeatureSchema mass = feature(schema, "body_mass_g");
    assertEquals(FeatureType.INT, mass.type());
    assertEquals(0.9818, mass.minFraction());
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
    assertEquals(List.of("a", "b"), feature(SchemaGen.infer().from(column(FieldType.STRING, "b", "a", "a", "b")), "x").domain());
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
}
