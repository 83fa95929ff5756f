package io.tributary.jobs.transform;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code artifact.json} of transformed examples: what the folder holds and how it was made. Format
 * version 1; fields are only ever added. No timestamps, so the same input and spec give the same
 * bytes.
 *
 * @param type always {@code TransformedExamples}
 * @param format {@code avro} or {@code parquet}
 * @param splits rows transformed per split, in split order
 * @param fitSplit the split the transform was fitted on
 * @param fittedRows rows in the fitting pass ({@code numExamples} of {@code transform_fn.json})
 * @param spec the spec file read
 * @param transformFn the folder holding {@code transform_fn.json} (absolute)
 * @param counters per split, the non-zero counters of the apply step: {@code missing_<feature>},
 *     {@code oov_<feature>}, {@code out_of_range_<feature>} (see {@code transform-format.md})
 * @param postTransformStatistics the folder, relative to this one, of the statistics of each
 *     transformed split
 */
@JsonPropertyOrder(alphabetic = false)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TransformArtifact(
    int formatVersion,
    String type,
    String format,
    Map<String, Long> splits,
    String fitSplit,
    long fittedRows,
    String spec,
    String transformFn,
    Map<String, Map<String, Long>> counters,
    String postTransformStatistics) {

  public static final int FORMAT_VERSION = 1;
  public static final String FILE = "artifact.json";
  public static final String TYPE = "TransformedExamples";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public void write(Path folder) throws IOException {
    JSON.writeValue(folder.resolve(FILE).toFile(), this);
  }

  public static TransformArtifact read(Path folder) throws IOException {
    return JSON.readValue(folder.resolve(FILE).toFile(), TransformArtifact.class);
  }
}
