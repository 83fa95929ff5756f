package io.tributary.jobs.transform;

import io.tributary.jobs.options.TributaryOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Validation;

/** Options of {@code tributary transform}; each getter's description is its help text. */
public interface TransformOptions extends TributaryOptions {

  @Validation.Required
  @Description("Examples folder (ExampleGen's output): every Split-<name>/ folder is transformed.")
  String getExamples();

  void setExamples(String examples);

  @Validation.Required
  @Description(
      "The transform spec: a .json, .yaml or .yml file (format: beam-transforms/docs/transform-format.md).")
  String getSpec();

  void setSpec(String spec);

  @Validation.Required
  @Description(
      "Output folder; gets Split-<name>/ transformed examples, post_transform_statistics/ and"
          + " artifact.json (and transform_fn/ unless --transformOutput). Must not exist yet unless"
          + " --overwrite.")
  String getOutput();

  void setOutput(String output);

  @Description(
      "A separate folder for the fitted transform (transform_fn.json, output_schema.avsc)."
          + " Default: <output>/transform_fn.")
  String getTransformOutput();

  void setTransformOutput(String folder);

  @Description("The split the transform is fitted on; every split is then transformed with it.")
  @Default.String("train")
  String getFitSplit();

  void setFitSplit(String split);

  @Description("Format of the transformed examples: avro or parquet.")
  @Default.String("avro")
  String getOutputFormat();

  void setOutputFormat(String format);

  @Description("Replace the output folder(s) if they exist (only once the new output is complete).")
  @Default.Boolean(false)
  Boolean getOverwrite();

  void setOverwrite(Boolean overwrite);
}
