package io.tributary.transforms.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Building, reading and checking specs: JSON, YAML and Java agree; mistakes fail early. */
class TransformSpecTest {

  private static final String JSON =
      """
      {
        "features": [
          {"name": "x_z", "inputs": ["x"], "steps": [{"op": "impute", "strategy": "mean"}, {"op": "zScore"}]},
          {"name": "x_01", "inputs": ["x"], "steps": [{"op": "scaleTo01"}, {"op": "clip", "min": 0, "max": 1}]},
          {"name": "x_log", "inputs": ["x"], "steps": [{"op": "log1p"}]},
          {"name": "x_q", "inputs": ["x"], "steps": [{"op": "bucketize", "quantiles": 4}, {"op": "oneHot"}]},
          {"name": "n_b", "inputs": ["n"], "steps": [{"op": "impute", "strategy": "constant", "value": 0},
                                                     {"op": "bucketize", "boundaries": [1, 2.5]}]},
          {"name": "n_missing", "inputs": ["n"], "steps": [{"op": "missingIndicator"}]},
          {"name": "c_id", "inputs": ["c"], "steps": [{"op": "impute", "strategy": "mostFrequent"},
              {"op": "vocabulary", "topK": 10, "frequencyThreshold": 2, "oovBuckets": 1}]},
          {"name": "cd", "inputs": ["c", "d"], "steps": [{"op": "cross"}, {"op": "hash", "buckets": 16}]}
        ],
        "passThrough": ["d"]
      }
      """;

  private static final String YAML =
      """
      features:
        - name: x_z
          inputs: [x]
          steps:
            - {op: impute, strategy: mean}
            - op: zScore
        - name: x_01
          inputs: [x]
          steps: [{op: scaleTo01}, {op: clip, min: 0.0, max: 1.0}]
        - name: x_log
          inputs: [x]
          steps: [{op: log1p}]
        - name: x_q
          inputs: [x]
          steps: [{op: bucketize, quantiles: 4}, {op: oneHot}]
        - name: n_b
          inputs: [n]
          steps:
            - {op: impute, strategy: constant, value: 0}
            - {op: bucketize, boundaries: [1.0, 2.5]}
        - name: n_missing
          inputs: [n]
          steps: [{op: missingIndicator}]
        - name: c_id
          inputs: [c]
          steps:
            - {op: impute, strategy: mostFrequent}
            - {op: vocabulary, topK: 10, frequencyThreshold: 2, oovBuckets: 1}
        - name: cd
          inputs: [c, d]
          steps: [{op: cross}, {op: hash, buckets: 16}]
      passThrough: [d]
      """;

  private static final TransformSpec BUILT =
      TransformSpec.builder()
          .feature("x_z", "x", Step.imputeMean(), Step.zScore())
          .feature("x_01", "x", Step.scaleTo01(), Step.clip(0.0, 1.0))
          .feature("x_log", "x", Step.log1p())
          .feature("x_q", "x", Step.quantileBuckets(4), Step.oneHot())
          .feature("n_b", "n", Step.imputeConstant(0L), Step.bucketize(1, 2.5))
          .feature("n_missing", "n", Step.missingIndicator())
          .feature(
              "c_id", "c", Step.imputeMostFrequent(),
              Step.vocabulary().withTopK(10).withFrequencyThreshold(2).withOovBuckets(1))
          .feature("cd", List.of("c", "d"), Step.cross(), Step.hash(16))
          .passThrough("d")
          .build();

  @Test
  void jsonYamlAndJavaGiveTheSameSpec() {
    assertEquals(BUILT, TransformSpec.fromJson(JSON));
    assertEquals(BUILT, TransformSpec.fromYaml(YAML));
  }

  @Test
  void writtenSpecsReadBackEqual() {
    assertEquals(BUILT, TransformSpec.fromJson(BUILT.toJson()));
    assertEquals(BUILT, TransformSpec.fromYaml(BUILT.toYaml()));
    assertTrue(BUILT.toJson().contains("\"op\" : \"zScore\""), BUILT.toJson());
  }

  @Test
  void theOutputSchemaFollowsTheSteps() {
    Schema out = BUILT.outputSchema(SmallData.SCHEMA);
    assertEquals(List.of("x_z", "x_01", "x_log", "x_q", "n_b", "n_missing", "c_id", "cd", "d"), out.getFieldNames());
    assertEquals(FieldType.DOUBLE, out.getField("x_z").getType());
    assertEquals(FieldType.DOUBLE.withNullable(true), out.getField("x_01").getType());
    assertEquals(FieldType.array(FieldType.DOUBLE), out.getField("x_q").getType());
    assertEquals(FieldType.INT64, out.getField("n_b").getType());
    assertEquals(FieldType.INT64, out.getField("n_missing").getType());
    assertEquals(FieldType.INT64, out.getField("c_id").getType());
    assertEquals(FieldType.INT64.withNullable(true), out.getField("cd").getType());
    assertEquals(FieldType.STRING.withNullable(true), out.getField("d").getType());
  }

  @Test
  void impossibleSettingsFailWhenBuilt() {
    assertFails("topK must be positive", () -> Step.vocabulary().withTopK(0));
    assertFails("frequencyThreshold must be at least 1", () -> Step.vocabulary().withFrequencyThreshold(0));
    assertFails("oovBuckets must be 0 or more", () -> Step.vocabulary().withOovBuckets(-1));
    assertFails("buckets of at least 1", () -> Step.hash(0));
    assertFails("quantiles must be at least 2", () -> Step.quantileBuckets(0));
    assertFails("boundaries are empty", () -> Step.bucketize());
    assertFails("strictly increasing", () -> Step.bucketize(3, 1));
    assertFails("is above max", () -> Step.clip(2.0, 1.0));
    assertFails("needs a min, a max or both", () -> Step.clip(null, null));
    assertFails("finite", () -> Step.imputeConstant(Double.NaN));
    assertFails("has no steps", () -> TransformSpec.builder().feature("a", "x"));
    assertFails("not a valid field name", () -> TransformSpec.builder().feature("bad-name", "x", Step.log1p()));
    assertFails("first step must be cross", () -> TransformSpec.builder().feature("a", List.of("c", "d"), Step.hash(2)));
    assertFails("two features are named 'a'", () -> TransformSpec.builder()
        .feature("a", "x", Step.log1p()).feature("a", "n", Step.log1p()).build());
    assertFails("both passed through and dropped", () -> TransformSpec.builder().passThrough("x").drop("x").build());
    assertFails("has no output", () -> TransformSpec.builder().drop("x").build());
  }

  @Test
  void readingReportsTheFieldAtFault() {
    assertFails("topK must be positive", () -> TransformSpec.fromJson(JSON.replace("\"topK\": 10", "\"topK\": 0")));
    assertFails("topk", () -> TransformSpec.fromJson(JSON.replace("\"topK\"", "\"topk\"")));
    assertFails("sqrt", () -> TransformSpec.fromYaml(YAML.replace("op: log1p", "op: sqrt")));
    assertFails("empty", () -> TransformSpec.fromYaml(" "));
  }

  @Test
  void schemaMistakesFailBeforeAnyDataIsRead() {
    assertFails("column 'nope', which is not in the input", () -> spec("a", "nope", Step.log1p()).outputSchema(SmallData.SCHEMA));
    assertFails("feature 'a': zScore needs a number but receives STRING", () -> spec("a", "c", Step.zScore()).outputSchema(SmallData.SCHEMA));
    assertFails("vocabulary needs a category", () -> spec("a", "x", Step.vocabulary()).outputSchema(SmallData.SCHEMA));
    assertFails("oneHot needs an index", () -> spec("a", "x", Step.zScore(), Step.oneHot()).outputSchema(SmallData.SCHEMA));
    assertFails("impute needs a number", () -> spec("a", "c", Step.imputeMean()).outputSchema(SmallData.SCHEMA));
    assertFails("an integer for integer columns", () -> spec("a", "n", Step.imputeConstant(1.5)).outputSchema(SmallData.SCHEMA));
    assertFails("missingIndicator must be the first step",
        () -> spec("a", "x", Step.imputeMean(), Step.missingIndicator()).outputSchema(SmallData.SCHEMA));
    assertFails("one pass over the data cannot do",
        () -> spec("a", "x", Step.zScore(), Step.quantileBuckets(3)).outputSchema(SmallData.SCHEMA));
    assertFails("column 'd' is neither transformed, passed through nor dropped: add passThrough(\"d\") or drop(\"d\")",
        () -> TransformSpec.builder().feature("a", "x", Step.log1p()).drop("n", "c").build().outputSchema(SmallData.SCHEMA));
    Schema withArray = Schema.builder().addArrayField("tags", FieldType.STRING).addDoubleField("x").build();
    assertFails("drop it instead",
        () -> TransformSpec.builder().passThrough("tags", "x").build().outputSchema(withArray));
    assertFails("which no step can read",
        () -> TransformSpec.builder().feature("a", "tags", Step.hash(3)).drop("x").build().outputSchema(withArray));
  }

  @Test
  void imputedFeaturesMayBeFittedTwiceAfterAFittedImpute() {
    Schema out = spec("a", "x", Step.imputeMedian(), Step.quantileBuckets(3)).outputSchema(SmallData.SCHEMA);
    assertEquals(FieldType.INT64, out.getField("a").getType());
  }

  private static TransformSpec spec(String name, String column, Step... steps) {
    List<String> others = new java.util.ArrayList<>(SmallData.SCHEMA.getFieldNames());
    others.remove(column);
    return TransformSpec.builder().feature(name, column, steps).drop(others.toArray(new String[0])).build();
  }

  private static void assertFails(String expected, Executable executable) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, executable);
    assertTrue(e.getMessage().contains(expected), "message was: " + e.getMessage());
  }
}
