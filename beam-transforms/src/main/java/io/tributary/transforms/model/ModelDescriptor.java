package io.tributary.transforms.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.tributary.transforms.transform.SpecMappers;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code model.json}: what a saved model is, without loading it. Written by {@link ModelFolder}
 * next to Tribuo's protobuf model file.
 *
 * <pre>{@code
 * ModelDescriptor d = ModelFolder.readDescriptor("/runs/7/Trainer/model/12");
 * d.task();            // CLASSIFICATION
 * d.label();           // "species"
 * d.features();        // transformed columns the model reads, in order
 * d.transform();       // the transform_fn it expects: path and SHA-256
 * }</pre>
 *
 * @param formatVersion the layout version; readers refuse newer ones
 * @param task classification or regression
 * @param label the label column (a pass-through column of the transform)
 * @param features the transformed columns the model reads, in order
 * @param transform the fitted transform the features come from
 * @param algorithm the {@code TrainerConfig} algorithm id, e.g. {@code logistic_regression}
 * @param hyperParameters every hyper-parameter the trainer used, defaults included, by name
 * @param seed the training seed
 * @param modelSha256 the SHA-256 of the protobuf model file, checked on every load
 * @param provenance a summary of Tribuo's provenance
 * @param classWeights the weight each class's training rows had, or null when unweighted
 * @param positiveClass for a binary classifier given a decision threshold or class weights, the
 *     class the threshold is on (and whose AUCs are reported); else null
 * @param decisionThreshold predict {@code positiveClass} when its probability is at least this;
 *     null: the most probable class. Every scoring path applies it ({@link ModelScorer})
 */
@JsonPropertyOrder({
  "formatVersion", "task", "label", "features", "transform", "algorithm", "hyperParameters", "seed",
  "modelSha256", "provenance", "classWeights", "positiveClass", "decisionThreshold"
})
public record ModelDescriptor(
    Integer formatVersion,
    Task task,
    String label,
    List<String> features,
    TransformReference transform,
    String algorithm,
    Map<String, Number> hyperParameters,
    long seed,
    String modelSha256,
    TrainingProvenance provenance,
    Map<String, Double> classWeights,
    String positiveClass,
    Double decisionThreshold) {

  /**
   * The newest version of {@code model.json} this code reads. It writes version 1 unless the model
   * has class weights or a decision threshold: those are version 2, so that an older Tributary,
   * which would ignore the threshold and predict differently, refuses the model instead.
   */
  public static final int FORMAT_VERSION = 2;

  /** A descriptor without class weights or a decision threshold (format version 1). */
  public ModelDescriptor(
      Integer formatVersion, Task task, String label, List<String> features, TransformReference transform,
      String algorithm, Map<String, Number> hyperParameters, long seed, String modelSha256,
      TrainingProvenance provenance) {
    this(formatVersion, task, label, features, transform, algorithm, hyperParameters, seed, modelSha256, provenance,
        null, null, null);
  }

  public ModelDescriptor {
    if (formatVersion == null) {
      throw new IllegalArgumentException("model.json has no formatVersion: it is not a model descriptor");
    }
    if (formatVersion < 1 || formatVersion > FORMAT_VERSION) {
      throw new IllegalArgumentException(
          "model.json has formatVersion " + formatVersion + "; this Tributary reads 1 to " + FORMAT_VERSION
              + ": upgrade Tributary to read it");
    }
    require(task, "task");
    require(label, "label");
    require(features, "features");
    require(transform, "transform");
    require(algorithm, "algorithm");
    require(modelSha256, "modelSha256");
    require(provenance, "provenance");
    if (features.isEmpty()) {
      throw new IllegalArgumentException("model.json lists no features");
    }
    features = List.copyOf(features);
    hyperParameters =
        hyperParameters == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(hyperParameters));
    classWeights = classWeights == null ? null : Collections.unmodifiableMap(new TreeMap<>(classWeights));
    if (decisionThreshold != null) {
      if (positiveClass == null) {
        throw new IllegalArgumentException("model.json has a decisionThreshold but no positiveClass it applies to");
      }
      if (!(decisionThreshold > 0 && decisionThreshold < 1)) {
        throw new IllegalArgumentException("model.json's decisionThreshold " + decisionThreshold + " is not between 0 and 1");
      }
    }
    if ((classWeights != null || decisionThreshold != null) && task != Task.CLASSIFICATION) {
      throw new IllegalArgumentException("model.json has class weights or a decision threshold, but the task is " + task.id());
    }
  }

  /** The format version a descriptor with these fields is written with: 2 with weights or a threshold, else 1. */
  public static int formatVersionFor(Map<String, Double> classWeights, Double decisionThreshold) {
    return classWeights != null || decisionThreshold != null ? 2 : 1;
  }

  /** Reads {@code model.json} text; errors name the field at fault. */
  public static ModelDescriptor fromJson(String json) {
    return SpecMappers.read(SpecMappers.JSON, json, ModelDescriptor.class, "model.json");
  }

  /** The {@code model.json} text; the same descriptor gives the same bytes. */
  public String toJson() {
    return SpecMappers.write(SpecMappers.JSON, this) + "\n";
  }

  private static void require(Object value, String field) {
    if (value == null) {
      throw new IllegalArgumentException("model.json lacks '" + field + "'");
    }
  }
}
