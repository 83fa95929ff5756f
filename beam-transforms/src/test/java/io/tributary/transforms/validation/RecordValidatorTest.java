package io.tributary.transforms.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.transforms.schema.DatasetSchema;
import io.tributary.transforms.schema.FeatureSchema;
import io.tributary.transforms.statistics.FeatureType;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

/** The single-record rules, and the schema problems found before any record is read. */
class RecordValidatorTest {
  static final DatasetSchema SCHEMA =
      DatasetSchema.builder()
          .setFeatures(List.of(
              FeatureSchema.builder("species", FeatureType.STRING).setMinFraction(1.0)
                  .setDomain(List.of("Adelie", "Gentoo")).setNotInEnvironments(List.of(DatasetSchema.SERVING)).build(),
              FeatureSchema.builder("mass", FeatureType.INT).setMinFraction(0.9).setRange(2000, 7000).build(),
              FeatureSchema.builder("bill", FeatureType.FLOAT).setRange(30, 60).build(),
              FeatureSchema.builder("note", FeatureType.STRING).build()))
          .build();
  static final Schema ROWS =
      Schema.builder()
          .addNullableField("species", FieldType.STRING)
          .addNullableField("mass", FieldType.INT64)
          .addNullableField("bill", FieldType.DOUBLE)
          .build();

  private static List<String> reasons(Object... values) {
    return RecordValidator.of(SCHEMA, ROWS, null).reasons(Row.withSchema(ROWS).addValues(values).build());
  }

  @Test
  void validRecordsHaveNoReason() {
    assertEquals(List.of(), reasons("Adelie", 3000L, 40.0));
    assertEquals(List.of(), reasons("Gentoo", null, null));   // optional features may be missing
  }

  @Test
  void eachRuleHasItsReason() {
    assertEquals(List.of("species: missing, but the schema requires a value"), reasons(null, 3000L, 40.0));
    assertEquals(
        List.of("species: 'adelie' (differs only in case from 'Adelie') is not in the domain Adelie, Gentoo"),
        reasons("adelie", 3000L, 40.0));
    assertEquals(List.of("mass: 60000 is outside the range [2000, 7000]"), reasons("Adelie", 60000L, 40.0));
    assertEquals(List.of("bill: NaN, which the schema does not allow"), reasons("Adelie", 3000L, Double.NaN));
    assertEquals(
        List.of("species: 'Atlantis' is not in the domain Adelie, Gentoo", "bill: 29.9 is outside the range [30, 60]"),
        reasons("Atlantis", 3000L, 29.9));
  }

  @Test
  void eachProblemHasAKindToCountBy() {
    Schema text = Schema.builder().addNullableField("species", FieldType.STRING).addNullableField("mass", FieldType.STRING)
        .addNullableField("bill", FieldType.DOUBLE).build();
    RecordValidator validator = RecordValidator.of(SCHEMA, text, null);
    assertEquals(List.of("species:missing", "mass:not_a_number", "bill:nan"),
        validator.problems(Row.withSchema(text).addValues(null, "3 kg", Double.NaN).build()).stream()
            .map(RecordProblem::countKey).toList());
    assertEquals(List.of("species:not_in_domain", "mass:out_of_range", "bill:out_of_range"),
        validator.problems(Row.withSchema(text).addValues("Atlantis", "9000", 29.9).build()).stream()
            .map(RecordProblem::countKey).toList());
    assertEquals(List.of(), validator.problems(Row.withSchema(text).addValues("Adelie", "3000", 40.0).build()));
  }

  @Test
  void theLabelIsNotCheckedInServing() {
    Row row = Row.withSchema(ROWS).addValues(null, 3000L, 40.0).build();
    assertEquals(List.of(), RecordValidator.of(SCHEMA, ROWS, DatasetSchema.SERVING).reasons(row));
  }

  @Test
  void numbersInATextColumnAreParsed() {
    Schema text = Schema.builder().addNullableField("species", FieldType.STRING).addNullableField("mass", FieldType.STRING).build();
    RecordValidator validator = RecordValidator.of(SCHEMA, text, null);
    assertEquals(List.of(), validator.reasons(Row.withSchema(text).addValues("Adelie", "3000").build()));
    assertEquals(List.of("mass: '3 kg' is not a number (the schema says INT)"),
        validator.reasons(Row.withSchema(text).addValues("Adelie", "3 kg").build()));
    assertEquals(List.of("mass: 9000 is outside the range [2000, 7000]"),
        validator.reasons(Row.withSchema(text).addValues("Adelie", "9000").build()));
  }

  @Test
  void schemaProblemsAreFoundBeforeReading() {
    Schema noSpecies = Schema.builder().addNullableField("mass", FieldType.INT64).build();
    assertEquals(
        "the input has no column 'species', which the schema requires; add the column, or mark the feature"
            + " absent from this environment in the schema",
        assertThrows(IllegalArgumentException.class, () -> RecordValidator.of(SCHEMA, noSpecies, null)).getMessage());
    RecordValidator.of(SCHEMA, noSpecies, DatasetSchema.SERVING);   // the label is not expected there
    Schema wrongType = Schema.builder().addNullableField("species", FieldType.INT64).build();
    assertEquals(
        "column 'species' is INT but the schema says STRING; fix the schema or convert the column",
        assertThrows(IllegalArgumentException.class, () -> RecordValidator.of(SCHEMA, wrongType, null)).getMessage());
  }
}
