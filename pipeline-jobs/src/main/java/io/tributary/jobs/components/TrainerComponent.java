package io.tributary.jobs.components;

import io.tributary.jobs.options.JobArguments;
import io.tributary.jobs.train.ModelArtifact;
import io.tributary.jobs.train.TrainJob;
import io.tributary.jobs.train.TrainOptions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Trainer in a pipeline: inputs {@code examples} (ExampleGen's raw examples: the model computes its
 * features with {@code transform_graph}, the same code serving runs), {@code transform_graph}, and
 * optionally {@code hyperparameters} (the Tuner's best, laid over the config's);
 * output {@code model} (type {@code Model}: model.pb, model.json, artifact.json with the train and
 * eval metrics). The parameters are those of {@code tributary train} but those the driver sets;
 * {@code config} is a path relative to the pipeline file, and its content is part of the cache key.
 * Training runs in the driver's JVM (Tribuo is not a Beam job), so runner options do not apply.
 */
final class TrainerComponent implements Component {

  private static final Set<String> PATHS = Set.of("config");
  private static final Set<String> DRIVER_OPTIONS =
      Set.of("examples", "transform", "hyperparameters", "output", "overwrite", "profile");

  @Override
  public String type() {
    return "Trainer";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public Map<String, String> inputs() {
    return JobArgs.ports(
        "examples", "Examples",
        "transform_graph", "TransformGraph",
        "hyperparameters", "HyperParameters");
  }

  /** The Tuner's best hyper-parameters, laid over the config's when given. */
  @Override
  public Set<String> optionalInputs() {
    return Set.of("hyperparameters");
  }

  @Override
  public Map<String, String> outputs() {
    return Map.of("model", "Model");
  }

  @Override
  public Map<String, String> parameters() {
    return JobArgs.parametersOf(TrainOptions.class, DRIVER_OPTIONS);
  }

  @Override
  public void checkParameters(Map<String, Object> parameters) {
    if (!parameters.containsKey("config")) {
      throw new IllegalArgumentException("'config' is required: the trainer config file, relative to the pipeline file");
    }
  }

  @Override
  public void validate(Map<String, Object> parameters, Path baseDir) {
    TrainJob.readConfig(ConfigChecks.file(parameters, baseDir, "config"));
  }

  /** The label must be a column whose type decides the task, or the config must say it. */
  @Override
  public void validateInputs(Map<String, Object> parameters, Path baseDir, Map<String, Path> inputs) {
    Path config = ConfigChecks.file(parameters, baseDir, "config");
    ConfigChecks.checkLabel(TrainJob.readConfig(config), config, ConfigChecks.examplesSchema(inputs.get("examples")));
  }

  @Override
  public String externalFingerprint(ComponentContext context) throws Exception {
    return JobArgs.fileFingerprint(context, "config");
  }

  @Override
  public Map<String, Map<String, Object>> execute(ComponentContext context) {
    JobArgs job =
        JobArgs.from(context, PATHS)
            .with("examples", context.inputs().get("examples"))
            .with("transform", context.inputs().get("transform_graph"))
            .with("output", context.outputs().get("model"));
    if (context.inputs().containsKey("hyperparameters")) {
      job.with("hyperparameters", context.inputs().get("hyperparameters"));
    }
    String[] args = job.plus(java.util.List.of());
    ModelArtifact artifact = new TrainJob(JobArguments.parse(args, TrainOptions.class), context.out()).run();
    Map<String, Object> properties = new LinkedHashMap<>(
        JobArgs.properties("algorithm", artifact.algorithm(), "label", artifact.label(), "task", artifact.task()));
    ModelArtifact.Metrics eval = artifact.eval() != null ? artifact.eval() : artifact.train();
    eval.metrics().forEach((metric, value) -> properties.put(eval.split() + "_" + metric, value));
    return Map.of("model", properties);
  }
}
