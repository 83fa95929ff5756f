package io.tributary.transforms.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.provenance.ModelProvenance;

/**
 * A summary of Tribuo's {@link ModelProvenance} for {@code model.json}: enough to see at a glance
 * what produced a model. The full provenance stays inside the protobuf model file.
 *
 * @param tribuoVersion the Tribuo version that trained the model
 * @param modelClass the Tribuo model class, e.g. {@code org.tribuo.classification.sgd.linear.LinearSGDModel}
 * @param trainerClass the Tribuo trainer class
 * @param trainedAt when training finished (ISO-8601, as Tribuo recorded it)
 * @param numExamples training examples
 * @param numFeatures features the model knows (a one-hot column counts once per position)
 * @param outputs the class labels in Tribuo's id order, or the regression dimension names
 */
@JsonPropertyOrder({"tribuoVersion", "modelClass", "trainerClass", "trainedAt", "numExamples", "numFeatures", "outputs"})
public record TrainingProvenance(
    String tribuoVersion,
    String modelClass,
    String trainerClass,
    String trainedAt,
    long numExamples,
    int numFeatures,
    List<String> outputs) {

  public TrainingProvenance {
    outputs = outputs == null ? List.of() : List.copyOf(outputs);
  }

  /** Summarises the provenance Tribuo recorded in {@code model}. */
  public static <T extends Output<T>> TrainingProvenance of(Model<T> model, List<String> outputs) {
    ModelProvenance provenance = model.getProvenance();
    return new TrainingProvenance(
        provenance.getTribuoVersion(),
        model.getClass().getName(),
        provenance.getTrainerProvenance().getClassName(),
        provenance.getTrainingTime().toString(),
        provenance.getDatasetProvenance().getNumExamples(),
        model.getFeatureIDMap().size(),
        outputs);
  }
}
