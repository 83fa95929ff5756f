package io.tributary.jobs.evaluate;

import io.tributary.jobs.options.TributaryOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Validation;

/** Options of {@code tributary evaluate}; each getter's description is its help text. */
public interface EvaluateOptions extends TributaryOptions {

  @Validation.Required
  @Description("Examples folder (ExampleGen's output): the raw rows of --evalSplit are scored and evaluated.")
  String getExamples();

  void setExamples(String examples);

  @Validation.Required
  @Description("The candidate model folder (the Trainer's output: model.pb, model.json).")
  String getModel();

  void setModel(String model);

  @Description("Folder of the candidate's fitted transform. Default: the one model.json names (it must match either way).")
  String getTransform();

  void setTransform(String transform);

  @Validation.Required
  @Description(
      "The evaluation config: label, slices and thresholds, a .json, .yaml or .yml file (format:"
          + " pipeline-jobs/docs/evaluator.md).")
  String getConfig();

  void setConfig(String config);

  @Description(
      "A baseline model folder (e.g. the latest blessed model) to compare with: evaluated in the same"
          + " pipeline, and needed by change thresholds, which are skipped without it.")
  String getBaselineModel();

  void setBaselineModel(String model);

  @Description("Folder of the baseline's fitted transform. Default: the one the baseline's model.json names.")
  String getBaselineTransform();

  void setBaselineTransform(String transform);

  @Validation.Required
  @Description(
      "Output folder; gets metrics.json, evaluation.html and errors/ (rows that could not be scored),"
          + " and the blessing (BLESSED or NOT_BLESSED, blessing.json) unless --blessingOutput. Must not"
          + " exist yet unless --overwrite.")
  String getOutput();

  void setOutput(String output);

  @Description("A separate folder for the blessing: BLESSED or NOT_BLESSED, and blessing.json. Default: --output.")
  String getBlessingOutput();

  void setBlessingOutput(String folder);

  @Description("The split to evaluate on.")
  @Default.String("eval")
  String getEvalSplit();

  void setEvalSplit(String split);

  @Description("Replace the output folder(s) if they exist (only once the new output is complete).")
  @Default.Boolean(false)
  Boolean getOverwrite();

  void setOverwrite(Boolean overwrite);
}
