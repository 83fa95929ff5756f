package io.tributary.jobs.tune;

import io.tributary.jobs.options.TributaryOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Validation;

/** Options of {@code tributary tune}; each getter's description is its help text. */
public interface TuneOptions extends TributaryOptions {

  @Validation.Required
  @Description("Examples folder (ExampleGen's output): trials train on the train split and are scored on the eval split.")
  String getExamples();

  void setExamples(String examples);

  @Validation.Required
  @Description("Folder of the fitted transform (transform_fn.json): the features are computed with it.")
  String getTransform();

  void setTransform(String transform);

  @Validation.Required
  @Description(
      "Tune config, YAML (.yaml, .yml) or JSON: a trainer config (label, algorithm, fixed hyperParameters,"
          + " seed) plus a search section (strategy grid or random, parameters with a list of values or"
          + " min/max and scale linear or log, metric, direction, trials, seed). See pipeline-jobs/docs/deploy.md.")
  String getConfig();

  void setConfig(String config);

  @Validation.Required
  @Description(
      "Output folder: trials.json (every trial) and best_hyperparameters.json (for train"
          + " --hyperparameters). Must not exist yet unless --overwrite.")
  String getOutput();

  void setOutput(String output);

  // Flink's runner options declare --parallelism too, with this default; Beam requires the same one.
  @Description("Trials run at the same time, each on its own thread; -1: one per core of this machine.")
  @Default.Integer(-1)
  Integer getParallelism();

  void setParallelism(Integer threads);

  @Description("The split to train on.")
  @Default.String("train")
  String getTrainSplit();

  void setTrainSplit(String split);

  @Description("The split every trial is scored on.")
  @Default.String("eval")
  String getEvalSplit();

  void setEvalSplit(String split);

  @Description("Replace --output if it exists (only once the new output is complete).")
  @Default.Boolean(false)
  Boolean getOverwrite();

  void setOverwrite(Boolean overwrite);
}
