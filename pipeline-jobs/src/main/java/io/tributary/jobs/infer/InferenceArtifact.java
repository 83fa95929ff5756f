package io.tributary.jobs.infer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code artifact.json} of a {@code tributary infer} output. Format version 1; fields are only
 * ever added; no timestamps.
 *
 * @param model the model folder used
 * @param examples the examples folder scored
 * @param splits the splits scored, in order
 * @param format avro or parquet
 * @param scored rows written with a prediction
 * @param deadLetters rows that could not be scored ({@code errors/})
 */
@JsonPropertyOrder(alphabetic = false)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record InferenceArtifact(
    int formatVersion, String type, String model, String examples, List<String> splits, String format, long scored,
    long deadLetters) {

  public static final int FORMAT_VERSION = 1;
  public static final String FILE = "artifact.json";
  public static final String TYPE = "InferenceResult";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public void write(Path folder) throws IOException {
    JSON.writeValue(folder.resolve(FILE).toFile(), this);
  }

  public static InferenceArtifact read(Path folder) throws IOException {
    return JSON.readValue(folder.resolve(FILE).toFile(), InferenceArtifact.class);
  }
}
