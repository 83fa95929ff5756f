package io.tributary.transforms.transform;

import io.tributary.transforms.examples.ColumnNames;
import io.tributary.transforms.transform.Tally.Event;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;

/**
 * A fitted transform: the spec, the input columns it reads, and every fitted constant. This is the
 * one implementation of the transformation: the Beam transform ({@link Transform#apply}), a
 * trainer and a serving call all go through {@link #apply(Row)} or {@link #apply(Map)}.
 *
 * <pre>{@code
 * TransformFn fn = TransformFnFiles.read("gs://root/Transform/transform_graph/7");
 * Row features = fn.apply(exampleRow);
 * Map<String, Object> served = fn.apply(Map.of("island", "Biscoe", "bill_length_mm", 41.2));
 * }</pre>
 *
 * <p>It is saved as {@code transform_fn.json} (see {@link #toJson()}, {@link TransformFnFiles}),
 * never with Java serialisation. Values unseen at fitting time never throw: missing values are
 * imputed or stay missing, new categories go to OOV buckets (or -1), out-of-range numbers are
 * scaled on the same line or clipped as the spec says; each case is reported to a {@link Tally}.
 *
 * <p>Instances are immutable and thread-safe. Beam may Java-serialize one inside a pipeline (e.g.
 * the default value of an empty fit); it travels as its {@code transform_fn.json} text.
 */
public final class TransformFn implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The version of {@code transform_fn.json} this code writes and the newest it reads. */
  public static final int FORMAT_VERSION = 1;

  private final TransformSpec spec;
  private final Schema inputSchema;
  private final long numExamples;
  private final Map<String, List<Constants>> fitted;
  private final Schema outputSchema;
  private final List<BoundFeature> bound;
  private final ColumnNames columnNames;

  TransformFn(TransformSpec spec, Schema inputSchema, long numExamples, Map<String, List<Constants>> fitted) {
    this(spec, inputSchema, numExamples, fitted, ColumnNames.of(inputSchema));
  }

  TransformFn(
      TransformSpec spec,
      Schema inputSchema,
      long numExamples,
      Map<String, List<Constants>> fitted,
      ColumnNames columnNames) {
    this.columnNames = columnNames;
    this.spec = spec;
    this.inputSchema = inputSchema;
    this.numExamples = numExamples;
    this.fitted = new LinkedHashMap<>(fitted);
    TransformSpec.Plan plan = spec.planFeatures(inputSchema);
    this.outputSchema = Schema.builder().addFields(plan.outputFields()).build();
    List<BoundFeature> features = new ArrayList<>();
    for (FeaturePlan feature : plan.features()) {
      List<Constants> constants = fitted.get(feature.feature().name());
      if (constants == null || constants.size() != feature.feature().steps().size()) {
        throw new IllegalArgumentException(
            "feature '" + feature.feature().name() + "' has no fitted constants for each of its steps");
      }
      features.add(new BoundFeature(feature, constants));
    }
    this.bound = List.copyOf(features);
  }

  /** Fits {@code spec} on rows in this JVM, with the same analyzers as {@link Transform#analyze}. */
  public static TransformFn fit(TransformSpec spec, Schema schema, Iterable<Row> rows) {
    spec.outputSchema(schema);
    FitFn fitFn = new FitFn(spec, schema);
    FitFn.Accumulators acc = fitFn.createAccumulator();
    for (Row row : rows) {
      acc = fitFn.addInput(acc, row);
    }
    return fitFn.extractOutput(acc);
  }

  /** Reads {@code transform_fn.json} text; fails on a newer format version. */
  public static TransformFn fromJson(String json) {
    return TransformFnJson.read(json);
  }

  /** The {@code transform_fn.json} text: same fitted transform, same bytes. */
  public String toJson() {
    return TransformFnJson.write(this);
  }

  /** Transforms one row (of the input schema, or any schema holding the columns read). */
  public Row apply(Row row) {
    return apply(row, Tally.NONE);
  }

  /** Transforms one row, reporting unseen and missing values to {@code tally}. */
  public Row apply(Row row, Tally tally) {
    // The values are built for outputSchema's exact types, so Row.Builder's per-value verification
    // (which resolves field access descriptors for every row) is skipped: it cost more than the
    // transformation itself.
    return Row.withSchema(outputSchema).attachValues(Arrays.asList(transform(row::getValue, tally)));
  }

  /**
   * Transforms one serving record: column name (the original or the field name) to value. Numbers are converted to the column type
   * (an integral double is accepted for an integer column); an absent or null value is missing.
   * The result maps output column names to values in output order (one-hot as {@code List<Double>}).
   *
   * @throws IllegalArgumentException when a value does not fit its column's type
   */
  public Map<String, Object> apply(Map<String, ?> record) {
    return apply(record, Tally.NONE);
  }

  public Map<String, Object> apply(Map<String, ?> record, Tally tally) {
    List<Object> values = InputColumns.valuesOf(inputSchema, columnNames, record);
    Object[] out = transform(column -> values.get(inputSchema.indexOf(column)), tally);
    Map<String, Object> result = new LinkedHashMap<>();
    for (int i = 0; i < out.length; i++) {
      result.put(outputSchema.getField(i).getName(), out[i]);
    }
    return result;
  }

  private Object[] transform(Function<String, Object> column, Tally tally) {
    Object[] out = new Object[outputSchema.getFieldCount()];
    int i = 0;
    for (BoundFeature feature : bound) {
      out[i++] = feature.apply(column, tally);
    }
    for (String passed : spec.passThrough()) {
      out[i++] = column.apply(passed);
    }
    return out;
  }

  public TransformSpec spec() {
    return spec;
  }

  /** The columns read (feature inputs and pass-through), with their types. */
  public Schema inputSchema() {
    return inputSchema;
  }

  /**
   * The user's own name of each input column (e.g. {@code Culmen Length (mm)} for the field {@code
   * Culmen_Length__mm_}), recorded in {@code transform_fn.json} so that serving accepts and
   * names the columns as the user knows them. Field names map to themselves unless {@link
   * #withColumnNames} said otherwise.
   */
  public ColumnNames columnNames() {
    return columnNames;
  }

  /** This transform with the input columns' original names taken from {@code names}. */
  public TransformFn withColumnNames(ColumnNames names) {
    Map<String, String> byOriginal = new LinkedHashMap<>();
    inputSchema.getFieldNames().forEach(field -> byOriginal.put(names.original(field), field));
    return new TransformFn(spec, inputSchema, numExamples, fitted, ColumnNames.of(byOriginal));
  }

  /** The schema of transformed rows: features in spec order, then pass-through columns. */
  public Schema outputSchema() {
    return outputSchema;
  }

  /** How many rows the transform was fitted on. */
  public long numExamples() {
    return numExamples;
  }

  /** The fitted constants of each step of {@code feature}, in step order. */
  public List<Constants> constants(String feature) {
    List<Constants> constants = fitted.get(feature);
    if (constants == null) {
      throw new IllegalArgumentException("no feature '" + feature + "'; features are " + fitted.keySet());
    }
    return constants;
  }

  Map<String, List<Constants>> fitted() {
    return fitted;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TransformFn && toJson().equals(((TransformFn) other).toJson());
  }

  @Override
  public int hashCode() {
    return toJson().hashCode();
  }

  @Override
  public String toString() {
    return "TransformFn" + fitted.keySet() + " fitted on " + numExamples + " rows";
  }

  /** Java serialization goes through the JSON form: the only form a TransformFn has outside memory. */
  private Object writeReplace() {
    return new JsonForm(toJson());
  }

  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("a TransformFn is serialized as its JSON form");
  }

  private record JsonForm(String json) implements Serializable {
    private Object readResolve() {
      return fromJson(json);
    }
  }

  /** A feature with its steps bound to their constants. */
  private static final class BoundFeature {
    private final FeaturePlan plan;
    private final String name;
    private final Step[] steps;
    private final Mapper[] mappers;

    BoundFeature(FeaturePlan plan, List<Constants> constants) {
      this.plan = plan;
      this.name = plan.feature().name();
      this.steps = plan.feature().steps().toArray(new Step[0]);
      this.mappers = new Mapper[steps.length];
      for (int i = 0; i < steps.length; i++) {
        try {
          mappers[i] = steps[i].bind(constants.get(i));
        } catch (NullPointerException e) {
          throw new IllegalArgumentException(
              "feature '" + name + "', step " + StepChecks.opName(steps[i]) + ": fitted constants are incomplete "
                  + constants.get(i), e);
        }
      }
    }

    Object apply(Function<String, Object> column, Tally tally) {
      Consumer<Event> events = event -> tally.count(name, event);
      Object value = plan.readInput(column);
      if (value == null) {
        events.accept(Event.MISSING);
      }
      for (int i = 0; i < steps.length; i++) {
        if (value != null || steps[i].handlesMissing()) {
          value = mappers[i].map(value, events);
        }
      }
      return value;
    }
  }
}
