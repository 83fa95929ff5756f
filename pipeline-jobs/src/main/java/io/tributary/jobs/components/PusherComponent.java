package io.tributary.jobs.components;

import io.tributary.jobs.artifacts.StagedOutput;
import io.tributary.jobs.execution.Progress;
import io.tributary.jobs.push.Blessings;
import io.tributary.jobs.push.PushJob;
import io.tributary.jobs.push.PushSettings;
import io.tributary.jobs.push.ServingDirectory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pusher in a pipeline: inputs {@code model} ({@code Model}), {@code blessing} ({@code
 * ModelBlessing}), {@code transform_graph} ({@code TransformGraph}) and, optionally, {@code
 * infra_blessing} ({@code InfraBlessing}); parameters {@code servingDir} (relative to the pipeline
 * file's folder unless absolute; default {@code <pipeline root>/serving}) and {@code modelName}. It pushes the model as the next version of
 * {@code <servingDir>/<modelName>/} and records output {@code pushed_model} ({@code PushedModel}:
 * a copy of {@code push.json}, properties {@code version} and {@code path}).
 *
 * <p>A model that is not BLESSED, or not INFRA_BLESSED when an infra blessing is bound, is not
 * pushed: {@link #skipReason} says why (e.g. {@code model not blessed: accuracy 0.61 is below
 * 0.9}) and the driver skips the step.
 */
final class PusherComponent implements Component {

  /** The serving directory's folder in the pipeline root when {@code servingDir} is not given. */
  static final String DEFAULT_SERVING_DIR = "serving";

  @Override
  public String type() {
    return "Pusher";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public Map<String, String> inputs() {
    return JobArgs.ports(
        "model", "Model",
        "blessing", "ModelBlessing",
        "transform_graph", "TransformGraph",
        "infra_blessing", "InfraBlessing");
  }

  @Override
  public Set<String> optionalInputs() {
    return Set.of("infra_blessing");
  }

  @Override
  public Map<String, String> outputs() {
    return Map.of("pushed_model", "PushedModel");
  }

  @Override
  public Map<String, String> parameters() {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("servingDir", "The serving directory a model server reads, relative to the pipeline file unless"
        + " absolute (default: serving/ in the pipeline root, beside the artifacts).");
    parameters.put("modelName", "The model's folder in the serving directory (letters, digits, '.', '_', '-').");
    return parameters;
  }

  @Override
  public void checkParameters(Map<String, Object> parameters) {
    Object name = parameters.get("modelName");
    if (name == null) {
      throw new IllegalArgumentException("'modelName' is required: the model's folder in the serving directory");
    }
    ServingDirectory.checkName(name.toString());
  }

  private static Path servingDir(ComponentContext context) {
    Object given = context.parameters().get("servingDir");
    return given == null
        ? context.pipelineRoot().resolve(DEFAULT_SERVING_DIR)
        : Path.of(JobArgs.resolve(context.baseDir(), String.valueOf(given)));
  }

  @Override
  public Optional<String> skipReason(ComponentContext context) {
    return Blessings.refusal(context.inputs().get("blessing"), context.inputs().get("infra_blessing"));
  }

  @Override
  public Map<String, Map<String, Object>> execute(ComponentContext context) throws Exception {
    PushSettings settings = new PushSettings(
        context.inputs().get("model"), context.inputs().get("transform_graph"), context.inputs().get("blessing"),
        context.inputs().get("infra_blessing"),
        servingDir(context),
        String.valueOf(context.parameters().get("modelName")));
    PushJob.PushResult pushed = PushJob.run(settings, new Progress("push", context.out()));
    StagedOutput output = StagedOutput.begin(context.outputs().get("pushed_model"), false);
    try {
      pushed.record().write(output.staging());
      output.publish();
    } catch (RuntimeException e) {
      output.abandon();
      throw e;
    }
    return Map.of(
        "pushed_model",
        JobArgs.properties("version", (long) pushed.record().version(), "path", pushed.path().toString()));
  }
}
