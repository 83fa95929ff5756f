package io.tributary.transforms.train;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.tributary.transforms.model.Task;
import io.tributary.transforms.transform.DidYouMean;
import io.tributary.transforms.transform.SpecMappers;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.schemas.Schema;

/**
 * What to train: the label column, the task, the algorithm and its hyper-parameters, the
 * features and the seed. Built in Java or read from JSON/YAML (the same fields).
 *
 * <pre>{@code
 * TrainerConfig config = TrainerConfig.builder("species")
 *     .algorithm(Algorithm.XGBOOST)
 *     .hyperParameter("numTrees", 100)
 *     .seed(7)
 *     .build();
 * TrainerConfig same = TrainerConfig.fromYaml("""
 *     label: species
 *     algorithm: xgboost
 *     hyperParameters: {numTrees: 100}
 *     seed: 7
 *     """);
 * }</pre>
 *
 * <ul>
 *   <li>{@code label} (required): a column the transform passes through, by its original name
 *       ({@code Body Mass (g)}) or its field name ({@code Body_Mass__g_}).
 *   <li>{@code task}: {@code classification} or {@code regression}; by default from the label
 *       column's type (string or boolean: classification; floating point: regression; an integer
 *       label needs it said).
 *   <li>{@code algorithm}: see {@link Algorithm}; default {@code logistic_regression} for
 *       classification, {@code linear_sgd} for regression.
 *   <li>{@code hyperParameters}: name to number; unset ones take the algorithm's defaults, and
 *       every value used is recorded in {@code model.json}.
 *   <li>{@code features}: transformed columns to train on; default every feature of the transform
 *       spec (pass-through columns such as ids and the label are not features).
 *   <li>{@code seed} (default 0): the same data, config and seed give the same model.
 *   <li>{@code classWeights}: {@code balanced} or a map of class to weight ({@link ClassWeights});
 *       classification only.
 *   <li>{@code decisionThreshold}: binary classification only: predict {@code positiveClass} when
 *       its probability is at least this (between 0 and 1, exclusive); recorded in {@code
 *       model.json}, so every scoring path applies it. A tune config may search it like a
 *       hyper-parameter ({@value #DECISION_THRESHOLD}).
 *   <li>{@code positiveClass}: the class the threshold is on; default the second class in sorted
 *       order ({@code 1}, {@code true}, {@code yes}).
 * </ul>
 *
 * <p>Unknown fields, algorithms, hyper-parameter names and out-of-range values are errors naming
 * the valid choices, raised when the config is built or read.
 */
@JsonPropertyOrder({
  "label", "task", "algorithm", "hyperParameters", "features", "seed", "classWeights", "positiveClass",
  "decisionThreshold"
})
public record TrainerConfig(
    String label,
    Task task,
    Algorithm algorithm,
    Map<String, Number> hyperParameters,
    List<String> features,
    Long seed,
    ClassWeights classWeights,
    String positiveClass,
    Double decisionThreshold) {

  /** The name under which a tune config searches the decision threshold. */
  public static final String DECISION_THRESHOLD = "decisionThreshold";

  private static final HyperParameter DECISION_THRESHOLD_RANGE =
      HyperParameter.real(DECISION_THRESHOLD, 0.5, 0.001, 0.999, "probability of the positive class from which it is predicted");

  /** A config without class weights or a decision threshold. */
  public TrainerConfig(
      String label, Task task, Algorithm algorithm, Map<String, Number> hyperParameters, List<String> features, Long seed) {
    this(label, task, algorithm, hyperParameters, features, seed, null, null, null);
  }

  public TrainerConfig {
    if (label == null || label.isBlank()) {
      throw new IllegalArgumentException("the trainer config needs 'label': name the label column");
    }
    hyperParameters =
        hyperParameters == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(hyperParameters));
    features = features == null ? null : List.copyOf(features);
    seed = seed == null ? 0L : seed;
    if (features != null && features.isEmpty()) {
      throw new IllegalArgumentException("'features' is empty: list feature columns, or leave it out to use all");
    }
    if (features != null && features.contains(label)) {
      throw new IllegalArgumentException("the label '" + label + "' is also listed as a feature: remove it from 'features'");
    }
    if (algorithm != null && task != null) {
      algorithm.checkTask(task);
    }
    if (algorithm != null) {
      algorithm.resolve(hyperParameters);
    } else if (!hyperParameters.isEmpty()) {
      throw new IllegalArgumentException("hyper-parameters are set but no algorithm: name the 'algorithm' they are for");
    }
    if (decisionThreshold != null) {
      DECISION_THRESHOLD_RANGE.check(decisionThreshold);
    }
    if (positiveClass != null && positiveClass.isBlank()) {
      throw new IllegalArgumentException("'positiveClass' is empty: name a class, or leave it out");
    }
    if (task == Task.REGRESSION && (classWeights != null || decisionThreshold != null || positiveClass != null)) {
      throw new IllegalArgumentException(
          "classWeights, positiveClass and decisionThreshold are for classification, but task is regression: remove them");
    }
  }

  /** Whether the config asks for class weights, a positive class or a decision threshold. */
  public boolean hasDecisionSettings() {
    return classWeights != null || positiveClass != null || decisionThreshold != null;
  }

  /**
   * This config trained with {@code algorithm} and {@code values} laid over its hyper-parameters (a
   * tuning trial, or the tuned winner): a {@value #DECISION_THRESHOLD} entry sets the threshold.
   */
  public TrainerConfig tuned(Algorithm tunedAlgorithm, Map<String, Number> values) {
    Map<String, Number> merged = new LinkedHashMap<>(hyperParameters);
    Double threshold = decisionThreshold;
    for (Map.Entry<String, Number> value : values.entrySet()) {
      if (value.getKey().equals(DECISION_THRESHOLD)) {
        threshold = value.getValue().doubleValue();
      } else {
        merged.put(value.getKey(), value.getValue());
      }
    }
    return new TrainerConfig(
        label, task, tunedAlgorithm, merged, features, seed, classWeights, positiveClass, threshold);
  }

  /**
   * What a search may vary for {@code algorithm}: its hyper-parameters and {@value
   * #DECISION_THRESHOLD}, by name.
   */
  public static Map<String, HyperParameter> searchable(Algorithm algorithm) {
    Map<String, HyperParameter> searchable = new TreeMap<>();
    algorithm.hyperParameters().forEach(parameter -> searchable.put(parameter.name(), parameter));
    searchable.put(DECISION_THRESHOLD, DECISION_THRESHOLD_RANGE);
    return searchable;
  }

  /** Fails, naming the fix, unless {@code value} is allowed for the searchable {@code name}. */
  public static void checkSearchable(Algorithm algorithm, String name, Number value) {
    if (name.equals(DECISION_THRESHOLD)) {
      DECISION_THRESHOLD_RANGE.check(value);
    } else {
      algorithm.resolve(Map.of(name, value));
    }
  }

  /** This config with another label column, e.g. the field name of a label given by its original name. */
  public TrainerConfig withLabel(String newLabel) {
    return new TrainerConfig(newLabel, task, algorithm, hyperParameters, features, seed);
  }

  public static Builder builder(String label) {
    return new Builder(label);
  }

  public static TrainerConfig fromJson(String json) {
    return SpecMappers.read(SpecMappers.JSON, json, TrainerConfig.class, "trainer config");
  }

  public static TrainerConfig fromYaml(String yaml) {
    return SpecMappers.read(SpecMappers.YAML, yaml, TrainerConfig.class, "trainer config");
  }

  public String toJson() {
    return SpecMappers.write(SpecMappers.JSON, this);
  }

  public String toYaml() {
    return SpecMappers.write(SpecMappers.YAML, this);
  }

  /**
   * The task for rows of {@code schema}: the configured one, else the label column's type decides
   * (string or boolean: classification; floating point: regression). Fails naming the fix when the
   * label is not a column or is an integer, which could be classes or numbers, and the config does
   * not say which; also when the task is said but the configured algorithm cannot do it.
   */
  public Task taskOf(Schema schema) {
    if (!schema.hasField(label)) {
      throw new IllegalArgumentException(
          "label '" + label + "' is not a column of the examples" + DidYouMean.suffix(label, schema.getFieldNames())
              + " (columns: " + schema.getFieldNames() + ")");
    }
    if (task != null) {
      return task;
    }
    Schema.TypeName type = schema.getField(label).getType().getTypeName();
    Task inferred = LabelledExamples.taskOf(type);
    if (inferred == null) {
      throw new IllegalArgumentException(
          "label '" + label + "' holds whole numbers (" + type + "), which could be classes or quantities: add"
              + " 'task: classification' (one class per value) or 'task: regression' (predict a number) to the config");
    }
    return inferred;
  }

  /** The algorithm used for {@code task}: the configured one, or the task's default. */
  public Algorithm algorithmFor(Task resolvedTask) {
    Algorithm chosen = algorithm == null ? Algorithm.defaultFor(resolvedTask) : algorithm;
    chosen.checkTask(resolvedTask);
    return chosen;
  }

  /** Builds a config; {@link #build()} runs the same checks as reading one. */
  public static final class Builder {
    private final String label;
    private Task task;
    private Algorithm algorithm;
    private final Map<String, Number> hyperParameters = new LinkedHashMap<>();
    private List<String> features;
    private long seed;
    private ClassWeights classWeights;
    private String positiveClass;
    private Double decisionThreshold;

    private Builder(String label) {
      this.label = label;
    }

    public Builder task(Task value) {
      this.task = value;
      return this;
    }

    public Builder algorithm(Algorithm value) {
      this.algorithm = value;
      return this;
    }

    public Builder hyperParameter(String name, Number value) {
      hyperParameters.put(name, value);
      return this;
    }

    public Builder features(String... columns) {
      this.features = List.of(columns);
      return this;
    }

    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    public Builder classWeights(ClassWeights value) {
      this.classWeights = value;
      return this;
    }

    public Builder positiveClass(String value) {
      this.positiveClass = value;
      return this;
    }

    public Builder decisionThreshold(double value) {
      this.decisionThreshold = value;
      return this;
    }

    public TrainerConfig build() {
      return new TrainerConfig(
          label, task, algorithm, hyperParameters, features, seed, classWeights, positiveClass, decisionThreshold);
    }
  }
}
