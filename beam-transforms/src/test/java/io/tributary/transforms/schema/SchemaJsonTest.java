package io.tributary.transforms.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.statistics.FeatureType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** schema.json: the golden file, round trips, a hand-written file and the reader's errors. */
class SchemaJsonTest {
  static final String GOLDEN = "schema-v2.json";
  /** Written before the masses existed (format version 1): still read. */
  static final String GOLDEN_V1 = "schema-v1.json";

  /** The inferred penguin schema with a curated threshold and example bounds. */
  static DatasetSchema curatedPenguins() {
    DatasetSchema inferred = SchemaGen.infer().withLabel("species").from(SchemaGenTest.PENGUINS);
    List<FeatureSchema> features = new java.util.ArrayList<>(inferred.features());
    features.set(0, features.get(0).toBuilder()
        .setSkewThresholds(Map.of(ComparatorMetric.L_INFINITY, 0.1))
        .setDriftThresholds(Map.of(ComparatorMetric.JENSEN_SHANNON, 0.05, ComparatorMetric.NORMALIZED_ABS_DIFFERENCE, 0.3))
        .build());
    return inferred.toBuilder().setFeatures(features).setMinExamples(100).build();
  }

  @Test
  void goldenFilePinsTheFormat() {
    Golden.assertMatches(SchemaJsonTest.class, GOLDEN, SchemaJson.toJson(curatedPenguins()));
    DatasetSchema read = SchemaJson.fromJson(Golden.read(SchemaJsonTest.class, GOLDEN));
    assertEquals(curatedPenguins(), read);
    assertEquals(Golden.read(SchemaJsonTest.class, GOLDEN), SchemaJson.toJson(read));
  }

  @Test
  void versionOneFilesAreStillReadWithMassesOfOne() {
    DatasetSchema old = SchemaJson.fromJson(Golden.read(SchemaJsonTest.class, GOLDEN_V1));
    assertEquals(9, old.features().size());
    for (FeatureSchema feature : old.features()) {
      assertEquals(1.0, feature.minDomainMass(), feature.name());
      assertEquals(1.0, feature.minRangeMass(), feature.name());
    }
    FeatureSchema mass = old.feature("body_mass_g").orElseThrow();
    assertEquals(0.9818, mass.minFraction());
    assertEquals(2340.0, mass.min());
    assertEquals(List.of("female", "male"), old.feature("sex").orElseThrow().domain());
    assertEquals(100, old.minExamples());
    assertTrue(SchemaJson.toJson(old).startsWith("{\n  \"formatVersion\" : 2,"), "rewritten in the current version");
    assertEquals("schema.features[0]: unknown field 'minDomainMass'; the known fields are [domain, drift, minFraction,"
            + " name, nanAllowed, notInEnvironments, range, skew, type]",
        error("{\"formatVersion\": 1, \"features\": [{\"name\": \"a\", \"type\": \"STRING\", \"minDomainMass\": 0.9}]}"),
        "version 1 had no masses");
  }

  @Test
  void massesOutOfPlaceNameTheFix() {
    assertEquals("schema.features[0]: feature 'a': minDomainMass needs type STRING, not INT; remove it",
        error("{\"formatVersion\": 2, \"features\": [{\"name\": \"a\", \"type\": \"INT\", \"minDomainMass\": 0.9}]}"));
    assertEquals("schema.features[0]: feature 'a': minRangeMass must be between 0 and 1, not 2.0",
        error("{\"formatVersion\": 2, \"features\": [{\"name\": \"a\", \"type\": \"INT\", \"minRangeMass\": 2}]}"));
  }

  @Test
  void fileRoundTrip(@TempDir Path dir) throws IOException {
    DatasetSchema schema = curatedPenguins();
    SchemaJson.write(schema, dir.resolve(SchemaJson.FILE_NAME));
    assertEquals(schema, SchemaJson.read(dir.resolve(SchemaJson.FILE_NAME)));
  }

  @Test
  void handWrittenFileLeavesOutOptionalFields() {
    DatasetSchema schema = SchemaJson.fromJson(
        "{\"formatVersion\": 1, \"features\": [\n"
            + " {\"name\": \"city\", \"type\": \"STRING\", \"domain\": [\"Oslo\", \"Bergen\"]},\n"
            + " {\"name\": \"age\", \"type\": \"INT\", \"minFraction\": 1, \"range\": {\"min\": 0}}]}");
    assertEquals(List.of("TRAINING", "SERVING"), schema.environments());
    assertEquals(Long.MAX_VALUE, schema.maxExamples());
    FeatureSchema city = schema.feature("city").orElseThrow();
    assertEquals(0.0, city.minFraction());
    assertEquals(List.of("Oslo", "Bergen"), city.domain());
    FeatureSchema age = schema.feature("age").orElseThrow();
    assertEquals(FeatureType.INT, age.type());
    assertEquals(0.0, age.min());
    assertEquals(Double.POSITIVE_INFINITY, age.max());
    assertNull(schema.feature("other").orElse(null));
  }

  private static String error(String json) {
    return assertThrows(IllegalArgumentException.class, () -> SchemaJson.fromJson(json)).getMessage();
  }

  @Test
  void readerErrorsNameTheFieldAndTheFix() {
    assertEquals("schema.formatVersion: version 3 is not supported; this reader reads 1 and 2",
        error("{\"formatVersion\": 3, \"features\": []}"));
    assertEquals(
        "schema.features[0]: unknown field 'minFracton'; the known fields are [domain, drift, minDomainMass, minFraction,"
            + " minRangeMass, name, nanAllowed, notInEnvironments, range, skew, type]",
        error("{\"formatVersion\": 2, \"features\": [{\"name\": \"a\", \"type\": \"INT\", \"minFracton\": 1}]}"));
    assertEquals("schema.features[0].type: 'NUMBER' is not a type; use INT, FLOAT, STRING, BOOLEAN or OTHER",
        error("{\"formatVersion\": 1, \"features\": [{\"name\": \"a\", \"type\": \"NUMBER\"}]}"));
    assertEquals("schema.features[0]: feature 'a': a domain needs type STRING, not INT; remove the domain",
        error("{\"formatVersion\": 1, \"features\": [{\"name\": \"a\", \"type\": \"INT\", \"domain\": [\"x\"]}]}"));
    assertEquals("schema.features[0].skew: unknown metric 'linf': use one of lInfinity, jensenShannon,"
            + " normalizedAbsDifference, populationStabilityIndex, kolmogorovSmirnov",
        error("{\"formatVersion\": 1, \"features\": [{\"name\": \"a\", \"type\": \"INT\", \"skew\": {\"linf\": 1}}]}"));
    assertEquals("feature 'a' names environment 'STAGING', which is not in environments [TRAINING, SERVING]; add it there",
        error("{\"formatVersion\": 1, \"features\": [{\"name\": \"a\", \"type\": \"INT\", \"notInEnvironments\": [\"STAGING\"]}]}"));
    assertEquals("feature 'a' is listed twice; list each feature once",
        error("{\"formatVersion\": 1, \"features\": [{\"name\": \"a\", \"type\": \"INT\"}, {\"name\": \"a\", \"type\": \"INT\"}]}"));
    assertEquals("schema.features: missing; it is required", error("{\"formatVersion\": 1}"));
  }

  @Test
  void readErrorsNameTheFile(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("schema.json"), "{\"formatVersion\": 1, \"features\": 3}");
    assertEquals(file + ": schema.features: must be an array",
        assertThrows(IllegalArgumentException.class, () -> SchemaJson.read(file)).getMessage());
  }

  @Test
  void builderChecks() {
    assertThrows(IllegalArgumentException.class,
        () -> FeatureSchema.builder("a", FeatureType.INT).setMinFraction(1.5).build());
    assertThrows(IllegalArgumentException.class,
        () -> FeatureSchema.builder("a", FeatureType.INT).setRange(2, 1).build());
    assertThrows(IllegalArgumentException.class,
        () -> FeatureSchema.builder("a", FeatureType.STRING).setRange(0, 1).build());
    assertThrows(IllegalArgumentException.class,
        () -> FeatureSchema.builder("a", FeatureType.STRING).setDomain(List.of("x", "x")).build());
    assertThrows(IllegalArgumentException.class,
        () -> FeatureSchema.builder("a", FeatureType.INT).setSkewThresholds(Map.of(ComparatorMetric.L_INFINITY, -1.0)).build());
    assertThrows(IllegalArgumentException.class,
        () -> DatasetSchema.builder().setMinExamples(5).setMaxExamples(4).build());
  }
}
