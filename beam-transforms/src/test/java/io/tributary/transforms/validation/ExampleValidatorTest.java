package io.tributary.transforms.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.schema.DatasetSchema;
import io.tributary.transforms.schema.FeatureSchema;
import io.tributary.transforms.statistics.DatasetStatistics;
import io.tributary.transforms.statistics.FeatureType;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.junit.jupiter.api.Test;

/** The dataset checks, environments, severities, added checks and the order of checks. */
class ExampleValidatorTest {
  private static final FeatureSchema LABEL =
      FeatureSchema.builder("label", FeatureType.STRING)
          .setMinFraction(1.0)
          .setDomain(List.of("no", "yes"))
          .setNotInEnvironments(List.of(DatasetSchema.SERVING))
          .build();
  private static final FeatureSchema SIZE =
      FeatureSchema.builder("size", FeatureType.INT).setMinFraction(1.0).setRange(0, 10).build();
  private static final DatasetSchema SCHEMA = DatasetSchema.builder().setFeatures(List.of(LABEL, SIZE)).build();
  private static final Schema ROWS =
      Schema.builder().addNullableField("label", FieldType.STRING).addNullableField("size", FieldType.INT64).build();

  private static List<String> types(Anomalies anomalies) {
    return anomalies.anomalies().stream().map(a -> a.type() + ":" + a.feature()).collect(Collectors.toList());
  }

  @Test
  void validDataHasNoAnomaly() {
    Anomalies anomalies =
        ExampleValidator.validate(SCHEMA).check(Data.table(ROWS, new Object[] {"yes", 1L}, new Object[] {"no", 10L}));
    assertEquals(List.of(), anomalies.anomalies());
    assertEquals(List.of(), anomalies.distances());
    assertEquals("local", anomalies.dataset());
    assertEquals("test", anomalies.split());
  }

  @Test
  void missingAndNewColumns() {
    Schema other = Schema.builder().addNullableField("size", FieldType.INT64).addNullableField("extra", FieldType.DOUBLE).build();
    Anomalies anomalies =
        ExampleValidator.validate(SCHEMA)
            .check(Data.table(other, new Object[] {1L, 2.0}, new Object[] {2L, null}, new Object[] {3L, 1.0}, new Object[] {4L, 5.0}));
    assertEquals(List.of("MISSING_FEATURE:label", "NEW_FEATURE:extra"), types(anomalies));
    Anomaly extra = anomalies.anomalies().get(1);
    assertEquals(0.75, extra.measured());
    assertEquals(Severity.ERROR, extra.severity());
    // In SERVING the label is not expected.
    assertEquals(
        List.of("NEW_FEATURE:extra"),
        types(ExampleValidator.validate(SCHEMA).inEnvironment(DatasetSchema.SERVING)
            .check(Data.table(other, new Object[] {1L, 2.0}))));
  }

  @Test
  void emptySplitIsOneAnomaly() {
    Anomalies anomalies = ExampleValidator.validate(SCHEMA).check(Data.table(ROWS));
    assertEquals(List.of("EMPTY_SPLIT:null"), types(anomalies));
    assertEquals(0.0, anomalies.anomalies().get(0).measured());
    assertEquals("Split 'test' has no examples.", anomalies.anomalies().get(0).description());
  }

  @Test
  void exampleCountBounds() {
    DatasetStatistics three =
        Data.table(ROWS, new Object[] {"yes", 1L}, new Object[] {"no", 2L}, new Object[] {"no", 3L});
    Anomaly few =
        ExampleValidator.validate(SCHEMA.toBuilder().setMinExamples(5).build()).check(three).anomalies().get(0);
    assertEquals(AnomalyType.EXAMPLE_COUNT_OUT_OF_BOUNDS, few.type());
    assertEquals(3.0, few.measured());
    assertEquals(5.0, few.threshold());
    assertEquals("Too few examples", few.shortDescription());
    Anomaly many =
        ExampleValidator.validate(SCHEMA.toBuilder().setMaxExamples(2).build()).check(three).anomalies().get(0);
    assertEquals(2.0, many.threshold());
    assertEquals("Too many examples", many.shortDescription());
    assertEquals(List.of(),
        ExampleValidator.validate(SCHEMA.toBuilder().setMinExamples(3).setMaxExamples(3).build()).check(three).anomalies());
  }

  @Test
  void aTypeMismatchStopsTheOtherChecksOfThatFeature() {
    Schema text = Schema.builder().addNullableField("label", FieldType.STRING).addNullableField("size", FieldType.STRING).build();
    Anomalies anomalies =
        ExampleValidator.validate(SCHEMA).check(Data.table(text, new Object[] {"maybe", "99"}, new Object[] {"yes", null}));
    assertEquals(List.of("UNEXPECTED_VALUES:label", "TYPE_MISMATCH:size"), types(anomalies));
  }

  @Test
  void severitiesCanBeChanged() {
    Anomalies anomalies =
        ExampleValidator.validate(SCHEMA)
            .withSeverity(AnomalyType.OUT_OF_RANGE, Severity.WARNING)
            .check(Data.table(ROWS, new Object[] {"yes", 11L}));
    assertEquals(Severity.WARNING, anomalies.anomalies().get(0).severity());
    assertFalse(anomalies.hasErrors());
    assertTrue(
        ExampleValidator.validate(SCHEMA).check(Data.table(ROWS, new Object[] {"yes", 11L})).hasErrors());
  }

  @Test
  void addedChecksRunOnEveryFeature() {
    FeatureCheck named = (expected, actual) ->
        List.of(Anomaly.builder(AnomalyType.UNEXPECTED_VALUES, expected.name())
            .setShortDescription("seen").setDescription("seen " + actual.name()).build());
    Anomalies anomalies = ExampleValidator.validate(SCHEMA).withCheck(named).check(Data.table(ROWS, new Object[] {"yes", 1L}));
    assertEquals(List.of("seen label", "seen size"),
        anomalies.anomalies().stream().map(Anomaly::description).collect(Collectors.toList()));
  }

  @Test
  void anInferredSchemaAcceptsTheDataItCameFrom() {
    Schema edge =
        Schema.builder()
            .addNullableField("none", FieldType.STRING)
            .addNullableField("odd", FieldType.DOUBLE)
            .addNullableField("same", FieldType.INT64)
            .addNullableField("flag", FieldType.BOOLEAN)
            .addNullableField("id", FieldType.STRING)
            .build();
    DatasetStatistics statistics =
        Data.table(edge,
            new Object[] {null, Double.NaN, 5L, true, "a"},
            new Object[] {null, Double.POSITIVE_INFINITY, 5L, null, "b"},
            new Object[] {null, -1e300, 5L, false, ""});
    Anomalies anomalies =
        ExampleValidator.validate(io.tributary.transforms.schema.SchemaGen.infer().from(statistics)).check(statistics);
    assertEquals(List.of(), anomalies.anomalies());
  }

  @Test
  void badSettingsNameTheFix() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ExampleValidator.validate(SCHEMA).inEnvironment("STAGING"));
    assertEquals(
        "inEnvironment(STAGING): the schema's environments are [TRAINING, SERVING]; pick one or add it to the schema",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ExampleValidator.validate((DatasetSchema) null));
    assertThrows(IllegalArgumentException.class, () -> ExampleValidator.validate(SCHEMA).withSkewBaseline((DatasetStatistics) null));
    assertThrows(IllegalArgumentException.class, () -> ExampleValidator.validate(SCHEMA).withCheck(null));
  }
}
