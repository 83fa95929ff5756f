package io.tributary.jobs.components;

import io.tributary.jobs.options.JobArguments;
import io.tributary.jobs.tune.Trials;
import io.tributary.jobs.tune.TuneJob;
import io.tributary.jobs.tune.TuneOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tuner in a pipeline: inputs {@code examples} (type {@code Examples}) and {@code
 * transform_graph} ({@code TransformGraph}); output {@code best_hyperparameters} (type {@code
 * HyperParameters}: {@code best_hyperparameters.json} and {@code trials.json}), which a Trainer
 * takes as its {@code --hyperparameters}. The parameters are the options of {@code tributary
 * tune} but those the driver sets; {@code config} is relative to the pipeline file, and its
 * content is part of the cache key. Tuning runs in the driver's JVM, not on a Beam runner, so the
 * runner options do not apply to it.
 */
final class TunerComponent implements Component {

  private static final Set<String> PATHS = Set.of("config");
  private static final Set<String> DRIVER_OPTIONS = Set.of("examples", "transform", "output", "overwrite", "profile");

  @Override
  public String type() {
    return "Tuner";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public Map<String, String> inputs() {
    return JobArgs.ports("examples", "Examples", "transform_graph", "TransformGraph");
  }

  @Override
  public Map<String, String> outputs() {
    return Map.of("best_hyperparameters", "HyperParameters");
  }

  @Override
  public Map<String, String> parameters() {
    return JobArgs.parametersOf(TuneOptions.class, DRIVER_OPTIONS);
  }

  @Override
  public void checkParameters(Map<String, Object> parameters) {
    if (!parameters.containsKey("config")) {
      throw new IllegalArgumentException("'config' is required: the tune config file, relative to the pipeline file");
    }
  }

  /** The config is read, with the search metric and every searched name, before anything runs. */
  @Override
  public void validate(Map<String, Object> parameters, Path baseDir) {
    TuneJob.readConfig(ConfigChecks.file(parameters, baseDir, "config"));
  }

  /** The label must be a column whose type decides the task, or the config must say it. */
  @Override
  public void validateInputs(Map<String, Object> parameters, Path baseDir, Map<String, Path> inputs) {
    Path config = ConfigChecks.file(parameters, baseDir, "config");
    ConfigChecks.checkLabel(TuneJob.readConfig(config).trainer(), config, ConfigChecks.examplesSchema(inputs.get("examples")));
  }

  /** The config file's bytes: its path alone is already in the parameters. */
  @Override
  public String externalFingerprint(ComponentContext context) throws Exception {
    return JobArgs.fileFingerprint(context, "config");
  }

  @Override
  public Map<String, Map<String, Object>> execute(ComponentContext context) throws Exception {
    String[] args =
        JobArgs.from(context, PATHS)
            .with("examples", context.inputs().get("examples"))
            .with("transform", context.inputs().get("transform_graph"))
            .with("output", context.outputs().get("best_hyperparameters"))
            .plus(List.of());
    Trials trials = new TuneJob(JobArguments.parse(args, TuneOptions.class), context.out()).run();
    return Map.of(
        "best_hyperparameters",
        JobArgs.properties(
            "algorithm", trials.algorithm(),
            "metric", trials.metric(),
            "value", trials.best().value(),
            "best_trial", (long) trials.bestTrial(),
            "trials", (long) trials.trials().size()));
  }
}
