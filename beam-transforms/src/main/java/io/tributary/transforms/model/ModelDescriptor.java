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
 */
@JsonPropertyOrder({
  "formatVersion", "task", "label", "features", "transform", "algorithm", "hyperParameters", "seed",
  "modelSha256", "provenance"
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
    TrainingProvenance provenance) {

  /** The version of {@code model.json} this code writes and the newest it reads. */
  public static final int FORMAT_VERSION = 1;

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
