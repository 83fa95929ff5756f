package io.tributary.jobs.infer;

import io.tributary.jobs.options.TributaryOptions;
import java.util.List;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Validation;

/** Options of {@code tributary infer}; each getter's description is its help text. */
public interface InferOptions extends TributaryOptions {

  @Validation.Required
  @Description("Examples folder (ExampleGen's output): its raw Split-<name>/ folders are scored.")
  String getExamples();

  void setExamples(String examples);

  @Validation.Required
  @Description("Model folder (the Trainer's output: model.pb, model.json).")
  String getModel();

  void setModel(String model);

  @Description("Folder of the fitted transform. Default: the one model.json names (it must match either way).")
  String getTransform();

  void setTransform(String transform);

  @Validation.Required
  @Description(
      "Output folder; gets Split-<name>/ per split (input columns plus prediction, probabilities) and"
          + " errors/ for rows that could not be scored. Must not exist yet unless --overwrite.")
  String getOutput();

  void setOutput(String output);

  @Description("Splits to score, comma-separated. Default: every Split-<name>/ folder.")
  List<String> getSplits();

  void setSplits(List<String> splits);

  @Description("avro or parquet.")
  @Default.String("avro")
  String getOutputFormat();

  void setOutputFormat(String format);

  @Description("Replace --output if it exists (only once the new output is complete).")
  @Default.Boolean(false)
  Boolean getOverwrite();

  void setOverwrite(Boolean overwrite);
}
