package io.tributary.jobs.evaluate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tributary.transforms.evaluate.Slice;
import io.tributary.transforms.evaluate.blessing.Blessing;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code metrics.json}, the Evaluator's record of an evaluation (format: {@code pipeline-jobs/docs/evaluator.md}).
 * Format version 1; fields are only ever added, and readers skip fields they do not know; no
 * timestamps, so the same inputs give the same file.
 *
 * @param task classification or regression
 * @param label the label column
 * @param examples the examples folder
 * @param split the split evaluated
 * @param config the evaluation config file
 * @param slices the kinds of slice computed, overall first
 * @param candidate the candidate model's metrics
 * @param baseline the baseline model's metrics, or null without a baseline
 * @param blessing every threshold check, what was skipped, and the outcome
 */
@JsonPropertyOrder(alphabetic = false)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MetricsFile(
    int formatVersion,
    String type,
    String task,
    String label,
    String examples,
    String split,
    String config,
    List<Slice> slices,
    ModelMetrics candidate,
    ModelMetrics baseline,
    Blessing blessing) {

  public static final int FORMAT_VERSION = 1;
  public static final String FILE = "metrics.json";
  public static final String TYPE = "ModelEvaluation";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public void write(Path folder) throws IOException {
    JSON.writeValue(folder.resolve(FILE).toFile(), this);
  }

  public static MetricsFile read(Path folder) throws IOException {
    return JSON.readValue(folder.resolve(FILE).toFile(), MetricsFile.class);
  }
}
