package io.tributary.jobs.examplegen;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tributary.transforms.artifacts.ArtifactFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code artifact.json} of an Examples folder: what it holds and where it came from. ExampleGen
 * writes it, and so does Transform for the transformed examples (then {@code transform} says how
 * they were made), so every reader of examples ({@link ExampleSplits}: StatisticsGen, the trainer,
 * BulkInferrer) finds the split order and row counts in one format. Format version 1; fields are
 * only ever added. No timestamps, so the same input and options give the same bytes (the metadata
 * store records when).
 *
 * @param splits rows per split, in split order
 * @param rowsRead records read as rows (the sum of the splits)
 * @param deadLetters records that went to {@code errors/}
 * @param span the span read, or null when the input pattern has none
 * @param inputs the patterns and the exact files read
 * @param split how rows were split
 * @param schemaSource {@code inferred}, {@code declared:<file>}, or {@code transform:<folder>} for
 *     transformed examples (the fitted transform's output schema)
 * @param transform for transformed examples, how they were made; absent (null) for ExampleGen's
 * @param columnNames original column name to field name, for each column whose field name differs
 *     (e.g. {@code "Culmen Length (mm)": "Culmen_Length__mm_"}); absent when none does. The same
 *     map is in each split's {@code schema.avsc} (see {@link
 *     io.tributary.transforms.examples.ColumnNames}).
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
    String schemaSource,
    @JsonInclude(JsonInclude.Include.NON_NULL) Transformed transform,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> columnNames) {

  public ExamplesArtifact {
    // Written only when a column was renamed: absent reads as none.
    columnNames = columnNames == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columnNames));
  }

  public static final int FORMAT_VERSION = 1;
  public static final String FILE = "artifact.json";
  public static final String TYPE = "Examples";

  /**
   * How rows were split: by a seeded hash of key columns (all columns when there are none) with
   * ratios, or predefined by the inputs (then ratios, keys and seed are null).
   */
  public record SplitConfig(boolean predefined, String ratios, List<String> keys, Long seed) {}

  /** One input pattern and the files it resolved to. */
  public record InputFiles(String split, String pattern, String format, List<String> files) {}

  /**
   * How Transform made these examples from the raw ones.
   *
   * @param fitSplit the split the transform was fitted on
   * @param fittedRows rows in the fitting pass ({@code numExamples} of {@code transform_fn.json})
   * @param spec the spec file read
   * @param transformFn the folder holding {@code transform_fn.json} (absolute)
   * @param counters per split, the non-zero counters of the apply step: {@code missing_<feature>},
   *     {@code oov_<feature>}, {@code out_of_range_<feature>}
   * @param postTransformStatistics the folder, relative to this one, of the statistics of each
   *     transformed split
   */
  public record Transformed(
      String fitSplit,
      long fittedRows,
      String spec,
      String transformFn,
      Map<String, Map<String, Long>> counters,
      String postTransformStatistics) {}

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          // Fields are only ever added: a reader of version 1 skips those it does not know.
          .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public void write(Path folder) throws IOException {
    write(folder.toString());
  }

  /** Writes {@value #FILE} into {@code folder}, a local path or a URI such as {@code hdfs://nn/out}. */
  public void write(String folder) throws IOException {
    ArtifactFiles.writeText(ArtifactFiles.resolve(folder, FILE), JSON.writeValueAsString(this));
  }

  public static ExamplesArtifact read(Path folder) throws IOException {
    return read(folder.toString());
  }

  /** Reads {@value #FILE} of {@code folder}, a local path or a URI. */
  public static ExamplesArtifact read(String folder) throws IOException {
    return JSON.readValue(ArtifactFiles.readText(ArtifactFiles.resolve(folder, FILE)), ExamplesArtifact.class);
  }
}
