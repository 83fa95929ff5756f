package io.tributary.jobs.train;

import io.tributary.jobs.options.TributaryOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Validation;

/** Options of {@code tributary train}; each getter's description is its help text. */
public interface TrainOptions extends TributaryOptions {

  @Validation.Required
  @Description("Examples folder (ExampleGen's output) holding the train and eval Split-<name>/ folders.")
  String getExamples();

  void setExamples(String examples);

  @Validation.Required
  @Description("Folder of the fitted transform (transform_fn.json): the features are computed with it.")
  String getTransform();

  void setTransform(String transform);

  @Validation.Required
  @Description(
      "Trainer config, YAML (.yaml, .yml) or JSON: label, and optionally task, algorithm,"
          + " hyperParameters, features, seed.")
  String getConfig();

  void setConfig(String config);

  @Validation.Required
  @Description("Output folder: the model (model.pb, model.json) and artifact.json. Must not exist yet unless --overwrite.")
  String getOutput();

  void setOutput(String output);

  @Description(
      "Optional: the Tuner's best_hyperparameters folder (or its best_hyperparameters.json). Its"
          + " algorithm and hyper-parameters replace the config's; the rest of the config stays.")
  String getHyperparameters();

  void setHyperparameters(String folder);

  @Description("The split to train on.")
  @Default.String("train")
  String getTrainSplit();

  void setTrainSplit(String split);

  @Description("The split to evaluate on (skipped when the examples have no such split).")
  @Default.String("eval")
  String getEvalSplit();

  void setEvalSplit(String split);

  @Description("Replace --output if it exists (only once the new output is complete).")
  @Default.Boolean(false)
  Boolean getOverwrite();

  void setOverwrite(Boolean overwrite);
}
