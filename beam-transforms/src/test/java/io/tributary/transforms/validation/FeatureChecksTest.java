package io.tributary.transforms.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.schema.FeatureSchema;
import io.tributary.transforms.statistics.FeatureStatistics;
import io.tributary.transforms.statistics.FeatureType;
import io.tributary.transforms.statistics.ValueCount;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.junit.jupiter.api.Test;

/** Each feature check on small hand-made data, with exact figures. */
class FeatureChecksTest {

  private static FeatureSchema.Builder schema(String name, FeatureType type) {
    return FeatureSchema.builder(name, type);
  }

  @Test
  void typeCheckAcceptsSameTypesAndIntegersAsFloats() {
    assertEquals(List.of(), new TypeCheck().check(schema("x", FeatureType.FLOAT).build(), Data.feature("x", FieldType.INT64, 1L)));
    assertEquals(List.of(), new TypeCheck().check(schema("x", FeatureType.INT).build(), Data.feature("x", FieldType.INT32, 1)));
  }

  @Test
  void typeCheckReportsFloatsForIntegers() {
    Anomaly anomaly =
        new TypeCheck().check(schema("x", FeatureType.INT).build(), Data.feature("x", FieldType.DOUBLE, 1.5)).get(0);
    assertEquals(AnomalyType.TYPE_MISMATCH, anomaly.type());
    assertEquals(Severity.ERROR, anomaly.severity());
    assertEquals("The schema says INT but the data has FLOAT.", anomaly.description());
    assertTrue(Double.isNaN(anomaly.measured()) && Double.isNaN(anomaly.threshold()));
  }

  @Test
  void typeCheckFindsNumbersThatArrivedAsText() {
    FeatureStatistics text = Data.feature("x", FieldType.STRING, "1", "2.5", "2.5", "-3e2", "n/a");
    Anomaly anomaly = new TypeCheck().check(schema("x", FeatureType.FLOAT).build(), text).get(0);
    assertEquals("Numbers arrived as text", anomaly.shortDescription());
    assertEquals(0.8, anomaly.measured(), 1e-12);
    assertEquals(List.of(ValueCount.of("n/a", 1.0)), anomaly.examples());
    assertTrue(anomaly.description().contains("These are not numbers: 'n/a' (1)."), anomaly.description());

    FeatureStatistics allNumbers = Data.feature("x", FieldType.STRING, "1", "2");
    Anomaly all = new TypeCheck().check(schema("x", FeatureType.INT).build(), allNumbers).get(0);
    assertEquals(1.0, all.measured());
    assertEquals(List.of(), all.examples());
  }

  @Test
  void typeCheckReportsNumbersWhereTextIsExpected() {
    Anomaly anomaly =
        new TypeCheck().check(schema("x", FeatureType.STRING).build(), Data.feature("x", FieldType.INT64, 1L)).get(0);
    assertEquals("The schema says STRING but the data has INT.", anomaly.description());
  }

  @Test
  void presenceBelowTheMinimum() {
    FeatureStatistics x = Data.feature("x", FieldType.INT64, 1L, 2L, 3L, null);
    Anomaly anomaly = new PresenceCheck().check(schema("x", FeatureType.INT).setMinFraction(0.9).build(), x).get(0);
    assertEquals(AnomalyType.LOW_PRESENCE, anomaly.type());
    assertEquals(0.75, anomaly.measured());
    assertEquals(0.9, anomaly.threshold());
    assertEquals("Value missing too often", anomaly.shortDescription());
    assertEquals(
        "The value is present in 75% of the rows (1 of 4 missing); the schema requires at least 90%.",
        anomaly.description());
    assertEquals(List.of(), new PresenceCheck().check(schema("x", FeatureType.INT).setMinFraction(0.75).build(), x));
  }

  @Test
  void allMissingIsReportedInsteadOfLowPresence() {
    FeatureStatistics x = Data.feature("x", FieldType.INT64, null, null);
    List<Anomaly> anomalies = new PresenceCheck().check(schema("x", FeatureType.INT).setMinFraction(1.0).build(), x);
    assertEquals(1, anomalies.size());
    assertEquals(AnomalyType.ALL_MISSING, anomalies.get(0).type());
    assertEquals(0.0, anomalies.get(0).measured());
    assertEquals(1.0, anomalies.get(0).threshold());
    assertEquals(AnomalyType.ALL_MISSING,
        new PresenceCheck().check(schema("x", FeatureType.INT).setMinFraction(0.01).build(), x).get(0).type());
    // A minimum fraction of 0 says the feature may be missing everywhere.
    assertEquals(List.of(), new PresenceCheck().check(schema("x", FeatureType.INT).build(), x));
  }

  @Test
  void unexpectedValuesWithCountsAndCaseHints() {
    FeatureStatistics x = Data.feature("x", FieldType.STRING, "a", "b", "c", "c", "A", null);
    Anomaly anomaly =
        new DomainCheck().check(schema("x", FeatureType.STRING).setDomain(List.of("a", "b")).build(), x).get(0);
    assertEquals(AnomalyType.UNEXPECTED_VALUES, anomaly.type());
    assertEquals(3.0, anomaly.measured());
    assertEquals(0.0, anomaly.threshold());
    assertEquals(List.of(ValueCount.of("c", 2.0), ValueCount.of("A", 1.0)), anomaly.examples());
    assertEquals(
        "3 of 5 values (60%) are not in the domain: 'c' 2×, 'A' (differs only in case from 'a') 1×."
            + " A value that differs from an allowed one only in case or spaces is an error whatever its share.",
        anomaly.description());
    assertTrue(anomaly.remedy().startsWith("Fix the spelling in the data, or, if they are valid values, add them to the"
        + " \"domain\" of feature 'x' in the schema"), anomaly.remedy());
    assertEquals(List.of(), new DomainCheck().check(schema("x", FeatureType.STRING).build(), x));
  }

  @Test
  void outOfRangeCountsBothSidesWithTheExtremes() {
    FeatureStatistics x = Data.feature("x", FieldType.DOUBLE, -5.0, 1.0, 2.0, 20.0, 30.0, 10.0, 0.0);
    Anomaly anomaly = new RangeCheck().check(schema("x", FeatureType.FLOAT).setRange(0, 10).build(), x).get(0);
    assertEquals(AnomalyType.OUT_OF_RANGE, anomaly.type());
    assertEquals(3.0, anomaly.measured());
    assertEquals(0.0, anomaly.threshold());
    assertEquals(List.of(ValueCount.of("-5", 1.0), ValueCount.of("30", 2.0)), anomaly.examples());
    assertEquals(
        "3 of 7 values (42.86%) lie outside [0, 10]: 1 below 0 (the smallest is -5), 2 above 10 (the largest is 30)."
            + " The schema allows none (minRangeMass 1).",
        anomaly.description());
    assertEquals(
        "If these values are valid, widen the \"range\" of feature 'x' in the schema (\"min\": -5 or less, \"max\": 30"
            + " or more); if not, fix the data at its source.",
        anomaly.remedy());
    assertEquals(List.of(), new RangeCheck().check(schema("x", FeatureType.FLOAT).setRange(-5, 30).build(), x));
  }

  @Test
  void infinityIsOutOfABoundedRange() {
    FeatureStatistics x = Data.feature("x", FieldType.DOUBLE, 1.0, Double.POSITIVE_INFINITY);
    Anomaly anomaly = new RangeCheck().check(schema("x", FeatureType.FLOAT).setRange(0, 10).build(), x).get(0);
    assertEquals(1.0, anomaly.measured());
    assertEquals(List.of(ValueCount.of("Infinity", 1.0)), anomaly.examples());
    assertEquals(
        List.of(),
        new RangeCheck().check(schema("x", FeatureType.FLOAT).setRange(0, Double.POSITIVE_INFINITY).build(), x));
  }

  @Test
  void outOfRangeIsEstimatedFromTheSketchBeyondItsExactSize() {
    Object[] values = new Object[10_000];
    for (int i = 0; i < values.length; i++) {
      values[i] = (long) i;
    }
    FeatureStatistics x = Data.feature("x", FieldType.INT64, values);
    Anomaly anomaly = new RangeCheck().check(schema("x", FeatureType.INT).setRange(0, 8999).build(), x).get(0);
    // 1000 values above 8999, within the KLL rank error (1.33% of 10,000 = 133).
    assertEquals(1000.0, anomaly.measured(), 133.0);
    assertTrue(anomaly.description().startsWith("About "), anomaly.description());
    assertEquals("9999", anomaly.examples().get(0).value());
  }

  @Test
  void nanOnlyWhereNotAllowed() {
    FeatureStatistics x = Data.feature("x", FieldType.DOUBLE, 1.0, Double.NaN, Double.NaN);
    Anomaly anomaly = new NanCheck().check(schema("x", FeatureType.FLOAT).build(), x).get(0);
    assertEquals(AnomalyType.NAN_NOT_ALLOWED, anomaly.type());
    assertEquals(2.0, anomaly.measured());
    assertEquals(0.0, anomaly.threshold());
    assertEquals(List.of(), new NanCheck().check(schema("x", FeatureType.FLOAT).setNanAllowed(true).build(), x));
  }

  @Test
  void aFewNewValuesAreAWarningAndManyAnErrorPastTheDomainMass() {
    FeatureSchema x = schema("x", FeatureType.STRING).setDomain(List.of("a", "b")).setMinDomainMass(0.8).build();
    Anomaly few = new DomainCheck().check(x, Data.feature("x", FieldType.STRING, "a", "a", "a", "b", "b", "b", "a", "b", "c", "d")).get(0);
    assertEquals(Severity.WARNING, few.severity());
    assertEquals(2.0, few.measured());
    assertEquals(2.0, few.threshold(), "0.2 of 10 values are tolerated");
    assertTrue(few.description().endsWith("The schema tolerates up to 20% (minDomainMass 0.8, 2 values here), so this is"
        + " only a warning."), few.description());
    Anomaly many = new DomainCheck().check(x, Data.feature("x", FieldType.STRING, "a", "a", "a", "b", "b", "b", "a", "c", "c", "d")).get(0);
    assertEquals(Severity.ERROR, many.severity());
    assertEquals(3.0, many.measured());
    assertTrue(many.remedy().endsWith("(or set it to null: any value); if not, fix the data at its source."),
        "30% outside is a change, not a tail to tolerate: " + many.remedy());
    Anomaly misspelt = new DomainCheck().check(x, Data.feature("x", FieldType.STRING, "a", "a", "a", "b", "b", "b", "a", "b", "b", " A")).get(0);
    assertEquals(Severity.ERROR, misspelt.severity(), "a variant of an allowed value is an error at any share");
    assertTrue(misspelt.description().contains("' A' (differs only in surrounding spaces or case from 'a')"), misspelt.description());
  }

  @Test
  void aFewValuesPastTheRangeAreAWarningAndAShiftAnError() {
    FeatureSchema x = schema("x", FeatureType.INT).setRange(0, 10).setMinRangeMass(0.9).build();
    Object[] tail = {1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 42L};
    Anomaly few = new RangeCheck().check(x, Data.feature("x", FieldType.INT64, tail)).get(0);
    assertEquals(Severity.WARNING, few.severity());
    assertEquals("A few values past the range", few.shortDescription());
    assertEquals(1.0, few.measured());
    assertEquals(2.0, few.threshold());
    Object[] shifted = new Object[20];
    for (int i = 0; i < shifted.length; i++) {
      shifted[i] = (long) (i + 5);
    }
    Anomaly many = new RangeCheck().check(x, Data.feature("x", FieldType.INT64, shifted)).get(0);
    assertEquals(Severity.ERROR, many.severity());
    assertEquals(14.0, many.measured());
    Anomaly one = new RangeCheck().check(x.toBuilder().setMinRangeMass(1.0).build(), Data.feature("x", FieldType.INT64, tail))
        .get(0);
    assertEquals(Severity.ERROR, one.severity());
    assertTrue(one.remedy().contains("(\"max\": 42 or more) or lower its \"minRangeMass\" to 0.95 to make so few a"
        + " warning"), one.remedy());
  }

  @Test
  void everyCheckSaysHowToAcceptOrFix() {
    FeatureStatistics x = Data.feature("x", FieldType.DOUBLE, 1.0, Double.NaN, null);
    assertTrue(new NanCheck().check(schema("x", FeatureType.FLOAT).build(), x).get(0).remedy()
        .startsWith("If NaN is a valid value here, set \"nanAllowed\": true on feature 'x'"));
    assertTrue(new PresenceCheck().check(schema("x", FeatureType.FLOAT).setMinFraction(1).build(), x).get(0).remedy()
        .startsWith("If values may be missing this often, set \"minFraction\": 0.6666 (or less) on feature 'x'"));
    assertTrue(new TypeCheck().check(schema("x", FeatureType.INT).build(), x).get(0).remedy()
        .startsWith("If the new type is right, set \"type\": \"FLOAT\" on feature 'x'"));
  }
}
