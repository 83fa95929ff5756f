package io.tributary.jobs.examplegen;

import io.tributary.jobs.options.TributaryOptions;
import java.util.List;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Validation;

/** Options of {@code tributary examplegen}; each getter's description is its help text. */
public interface ExampleGenOptions extends TributaryOptions {

  @Description(
      "Input files: a path or glob (*, **, ?), optionally with {SPAN}, {VERSION} or"
          + " {YYYY}{MM}{DD} placeholders; the latest span and version are read by default."
          + " Give either --input or --split.")
  String getInput();

  void setInput(String input);

  @Description(
      "A predefined split as name=pattern, repeated: --split=train=in/train*.csv"
          + " --split=eval=in/eval*.csv. Replaces --input, --splitRatios and --splitKeys.")
  List<String> getSplit();

  void setSplit(List<String> split);

  @Validation.Required
  @Description(
      "Output folder; gets Split-<name>/ per split, errors/ for dead letters and artifact.json."
          + " Must not exist yet unless --overwrite.")
  String getOutput();

  void setOutput(String output);

  @Description("Input format: csv, json (JSON lines), avro or parquet. Default: from the file extension.")
  String getInputFormat();

  void setInputFormat(String format);

  @Description(
      "An Avro schema file (.avsc) declaring the examples' fields and types. Default: inferred"
          + " (CSV/JSON from the first --inferenceSampleRows records; Avro/Parquet from the file).")
  String getSchema();

  void setSchema(String schema);

  @Description("Hash split ratios as name:weight,... (the TFX default is train:2,eval:1).")
  @Default.String("train:2,eval:1")
  String getSplitRatios();

  void setSplitRatios(String ratios);

  @Description(
      "Columns whose values decide the split, comma-separated (e.g. an id, so all rows of one"
          + " entity share a split). Default: the whole record.")
  List<String> getSplitKeys();

  void setSplitKeys(List<String> keys);

  @Description("Seed of the split hash: the same seed gives the same assignment everywhere.")
  @Default.Long(0)
  Long getSeed();

  void setSeed(Long seed);

  @Description("CSV field delimiter: one character, or tab.")
  @Default.String(",")
  String getDelimiter();

  void setDelimiter(String delimiter);

  @Description("CSV quote character.")
  @Default.String("\"")
  String getQuote();

  void setQuote(String quote);

  @Description(
      "CSV values that mean missing, comma-separated; an empty item is the empty field."
          + " E.g. --nullTokens=NA keeps empty strings as values.")
  @Default.String(",NA,null")
  String getNullTokens();

  void setNullTokens(String tokens);

  @Description("The span to read instead of the latest: a number, or a date (2026-11-22) for {YYYY}{MM}{DD} patterns.")
  String getSpan();

  void setSpan(String span);

  @Description("The version to read instead of the latest (needs {VERSION} in the pattern).")
  Long getVersion();

  void setVersion(Long version);

  @Description("How many records schema inference reads at most (CSV and JSON lines).")
  @Default.Integer(10_000)
  Integer getInferenceSampleRows();

  void setInferenceSampleRows(Integer rows);

  @Description("Format the examples are written in: avro or parquet.")
  @Default.String("avro")
  String getOutputFormat();

  void setOutputFormat(String format);

  @Description("Replace --output if it exists (only once the new output is complete).")
  @Default.Boolean(false)
  Boolean getOverwrite();

  void setOverwrite(Boolean overwrite);
}
