package io.tributary.transforms.transform;

import io.tributary.transforms.examples.ColumnNames;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.schemas.Schema;

/**
 * What Transform computes: the output features, each from input column(s) through steps, plus
 * the columns passed through unchanged and the columns dropped. Every input column must be read
 * by a feature, passed through or dropped, so nothing disappears by accident.
 *
 * <pre>{@code
 * TransformSpec spec = TransformSpec.builder()
 *     .feature("bill_length_z", "bill_length_mm", Step.imputeMean(), Step.zScore())
 *     .feature("island_onehot", "island", Step.vocabulary().withOovBuckets(1), Step.oneHot())
 *     .feature("species_x_sex", List.of("species", "sex"), Step.cross(), Step.hash(16))
 *     .passThrough("species")
 *     .drop("year")
 *     .build();
 * TransformSpec same = TransformSpec.fromYaml(Files.readString(Path.of("transform.yaml")));
 * }</pre>
 *
 * <p>The JSON and YAML forms have the same fields ({@code features}, {@code passThrough}, {@code
 * drop}); see {@code beam-transforms/docs/transform-format.md}. Output columns are the features in
 * order, then the pass-through columns in order.
 *
 * <p>Errors: arguments (k &lt;= 0, a bucket count of 0, duplicate names) fail when the spec is
 * built or read; unknown columns and type mismatches fail in {@link #outputSchema(Schema)}, which
 * {@link Transform} calls before reading any data.
 */
public record TransformSpec(List<FeatureSpec> features, List<String> passThrough, List<String> drop)
    implements Serializable {

  public TransformSpec {
    features = features == null ? List.of() : List.copyOf(features);
    passThrough = passThrough == null ? List.of() : List.copyOf(passThrough);
    drop = drop == null ? List.of() : List.copyOf(drop);
    if (features.isEmpty() && passThrough.isEmpty()) {
      throw new IllegalArgumentException("the transform spec has no output: add a feature or a passThrough column");
    }
    Set<String> outputs = new HashSet<>();
    for (FeatureSpec feature : features) {
      if (!outputs.add(feature.name())) {
        throw new IllegalArgumentException("two features are named '" + feature.name() + "': rename one");
      }
    }
    for (String column : passThrough) {
      if (column == null || column.isBlank()) {
        throw new IllegalArgumentException("a passThrough column name is empty: name the column");
      }
      if (!outputs.add(column)) {
        throw new IllegalArgumentException(
            "passThrough column '" + column + "' is also an output name: rename the feature or pass it once");
      }
    }
    Set<String> dropped = new HashSet<>();
    for (String column : drop) {
      if (!dropped.add(column)) {
        throw new IllegalArgumentException("column '" + column + "' is dropped twice");
      }
      if (passThrough.contains(column)) {
        throw new IllegalArgumentException("column '" + column + "' is both passed through and dropped: choose one");
      }
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Reads a spec from JSON; errors name the field at fault. */
  public static TransformSpec fromJson(String json) {
    return SpecMappers.read(SpecMappers.JSON, json, TransformSpec.class, "transform spec");
  }

  /** Reads a spec from YAML (the same fields as JSON). */
  public static TransformSpec fromYaml(String yaml) {
    return SpecMappers.read(SpecMappers.YAML, yaml, TransformSpec.class, "transform spec");
  }

  public String toJson() {
    return SpecMappers.write(SpecMappers.JSON, this);
  }

  public String toYaml() {
    return SpecMappers.write(SpecMappers.YAML, this);
  }

  /**
   * This spec with every column it names (feature inputs, pass-through, drop) given as its field
   * name, so that a spec may name columns as the user knows them ({@code Culmen Length (mm)}) or
   * by field name ({@code Culmen_Length__mm_}). A passed-through column keeps its field name in
   * the output. Fails naming the feature and listing the columns when a name matches no column,
   * and naming the column as the user knows it when one of {@code names} is left unaccounted.
   */
  public TransformSpec resolve(ColumnNames names) {
    List<FeatureSpec> resolved = new ArrayList<>();
    for (FeatureSpec feature : features) {
      resolved.add(
          new FeatureSpec(
              feature.name(), names.requireAll(feature.inputs(), "feature '" + feature.name() + "'"), feature.steps()));
    }
    TransformSpec spec =
        new TransformSpec(resolved, names.requireAll(passThrough, "passThrough"), names.requireAll(drop, "drop"));
    Set<String> accounted = new HashSet<>(spec.passThrough());
    accounted.addAll(spec.drop());
    spec.features().forEach(feature -> accounted.addAll(feature.inputs()));
    for (String field : names.fields()) {
      if (!accounted.contains(field)) {
        throw new IllegalArgumentException(neitherUsedNorDropped(names.original(field)));
      }
    }
    return spec;
  }

  private static String neitherUsedNorDropped(String column) {
    return "column '" + column + "' is neither transformed, passed through nor dropped: add passThrough(\""
        + column + "\") or drop(\"" + column + "\")";
  }

  /**
   * Checks this spec against the input schema and returns the output schema. Fails with a message
   * naming the column or feature when a column is unknown, has a type no step can read, or is
   * neither used, passed through nor dropped.
   */
  public Schema outputSchema(Schema input) {
    return Schema.builder().addFields(plan(input).outputFields()).build();
  }

  /** The checked plan of every feature, with the output fields. */
  Plan plan(Schema input) {
    Set<String> accounted = new LinkedHashSet<>();
    for (FeatureSpec feature : features) {
      for (String column : feature.inputs()) {
        requireColumn(input, column, "feature '" + feature.name() + "' reads");
        accounted.add(column);
      }
    }
    for (String column : passThrough) {
      requireColumn(input, column, "passThrough names");
      FeatureSpec.checkName(column, "passThrough column");
      InputColumns.checkStorable(input.getField(column));
      accounted.add(column);
    }
    for (String column : drop) {
      requireColumn(input, column, "drop names");
      accounted.add(column);
    }
    for (String column : input.getFieldNames()) {
      if (!accounted.contains(column)) {
        throw new IllegalArgumentException(neitherUsedNorDropped(column));
      }
    }
    return planFeatures(input);
  }

  /** The plans without the completeness checks: for a fitted spec, whose stored input lacks dropped columns. */
  Plan planFeatures(Schema input) {
    List<FeaturePlan> plans = new ArrayList<>();
    for (FeatureSpec feature : features) {
      plans.add(FeaturePlan.of(feature, input));
    }
    List<Schema.Field> fields = new ArrayList<>();
    plans.forEach(p -> fields.add(p.outputField()));
    passThrough.forEach(column -> fields.add(input.getField(column)));
    return new Plan(plans, fields);
  }

  /** The input columns a fitted spec reads (feature inputs and pass-through), in input order. */
  Schema readColumns(Schema input) {
    Set<String> read = new HashSet<>(passThrough);
    features.forEach(feature -> read.addAll(feature.inputs()));
    Schema.Builder columns = Schema.builder();
    input.getFields().stream().filter(field -> read.contains(field.getName())).forEach(columns::addField);
    return columns.build();
  }

  /** The feature plans and output fields of a spec checked against a schema. */
  record Plan(List<FeaturePlan> features, List<Schema.Field> outputFields) {}

  private static void requireColumn(Schema input, String column, String who) {
    if (!input.hasField(column)) {
      throw new IllegalArgumentException(
          who + " column '" + column + "', which is not in the input; columns are " + input.getFieldNames());
    }
  }

  /** Builds a spec; each method checks its arguments at once. */
  public static final class Builder {
    private final List<FeatureSpec> features = new ArrayList<>();
    private final List<String> passThrough = new ArrayList<>();
    private final List<String> drop = new ArrayList<>();

    private Builder() {}

    /** A feature computed from one column. */
    public Builder feature(String name, String input, Step... steps) {
      return feature(name, List.of(input), steps);
    }

    /** A feature computed from several columns (starting with {@link Step#cross()}). */
    public Builder feature(String name, List<String> inputs, Step... steps) {
      features.add(new FeatureSpec(name, inputs, Arrays.asList(steps)));
      return this;
    }

    /** Columns copied to the output unchanged (same type, same nullability). */
    public Builder passThrough(String... columns) {
      passThrough.addAll(List.of(columns));
      return this;
    }

    /** Columns left out of the output on purpose. */
    public Builder drop(String... columns) {
      drop.addAll(List.of(columns));
      return this;
    }

    public TransformSpec build() {
      return new TransformSpec(features, passThrough, drop);
    }
  }
}
