package io.tributary.jobs.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tributary.transforms.train.Evaluation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code artifact.json} of a Trainer output: what was trained on what, and how well. Format
 * version 1; fields are only ever added. The model itself is described by {@code model.json}.
 *
 * @param examples the examples folder read
 * @param transform the transform folder read
 * @param label the label column
 * @param task classification or regression
 * @param algorithm the algorithm id
 * @param train the evaluation on the training split
 * @param eval the evaluation on the eval split, or null when there is none
 */
@JsonPropertyOrder(alphabetic = false)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ModelArtifact(
    int formatVersion,
    String type,
    String examples,
    String transform,
    String label,
    String task,
    String algorithm,
    Metrics train,
    Metrics eval) {

  public static final int FORMAT_VERSION = 1;
  public static final String FILE = "artifact.json";
  public static final String TYPE = "Model";

  /** One split's summary: rows evaluated, rows without a label, metric values. */
  public record Metrics(String split, long examples, long unlabelled, Map<String, Double> metrics) {
    static Metrics of(String split, Evaluation evaluation) {
      return new Metrics(split, evaluation.examples(), evaluation.unlabelled(), evaluation.metrics());
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public void write(Path folder) throws IOException {
    JSON.writeValue(folder.resolve(FILE).toFile(), this);
  }

  public static ModelArtifact read(Path folder) throws IOException {
    return JSON.readValue(folder.resolve(FILE).toFile(), ModelArtifact.class);
  }
}
