package io.tributary.jobs.examplegen;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code artifact.json} of an ExampleGen output: what the folder holds and where it came from.
 * Format version 1; fields are only ever added. No timestamps, so the same input and options give
 * the same bytes (the metadata store records when).
 *
 * @param splits rows per split, in split order
 * @param rowsRead records read as rows (the sum of the splits)
 * @param deadLetters records that went to {@code errors/}
 * @param span the span read, or null when the input pattern has none
 * @param inputs the patterns and the exact files read
 * @param split how rows were split
 */
@JsonPropertyOrder(alphabetic = false)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ExamplesArtifact(
    int formatVersion,
    String type,
    String format,
    Map<String, Long> splits,
    long rowsRead,
    long deadLetters,
    Long span,
    Long version,
    List<InputFiles> inputs,
    SplitConfig split,
    String schemaSource) {

  public static final int FORMAT_VERSION = 1;
  public static final String FILE = "artifact.json";

  /**
   * How rows were split: by a seeded hash of key columns (all columns when there are none) with
   * ratios, or predefined by the inputs (then ratios, keys and seed are null).
   */
  public record SplitConfig(boolean predefined, String ratios, List<String> keys, Long seed) {}

  /** One input pattern and the files it resolved to. */
  public record InputFiles(String split, String pattern, String format, List<String> files) {}

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          // Fields are only ever added: a reader of version 1 skips those it does not know.
          .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public void write(Path folder) throws IOException {
    JSON.writeValue(folder.resolve(FILE).toFile(), this);
  }

  public static ExamplesArtifact read(Path folder) throws IOException {
    return JSON.readValue(folder.resolve(FILE).toFile(), ExamplesArtifact.class);
  }
}
