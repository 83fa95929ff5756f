package io.tributary.jobs.components;

import io.tributary.jobs.infer.InferJob;
import io.tributary.jobs.infer.InferOptions;
import io.tributary.jobs.infer.InferenceArtifact;
import io.tributary.jobs.options.JobArguments;
import io.tributary.jobs.push.Blessings;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * BulkInferrer in a pipeline: scores {@code examples} with {@code model} and {@code
 * transform_graph} on the run's runner; output {@code inference_result} (type {@code
 * InferenceResult}: every input row with its prediction, per split, and the rows that could not be
 * scored under {@code errors/}). With the optional input {@code blessing} (the Evaluator's), an
 * unblessed model is not used: the step is skipped, as TFX's BulkInferrer does. The parameters are
 * those of {@code tributary infer} but those the driver sets.
 */
final class BulkInferrerComponent implements Component {

  private static final Set<String> DRIVER_OPTIONS = Set.of("examples", "model", "transform", "output", "overwrite", "profile");

  @Override
  public String type() {
    return "BulkInferrer";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public Map<String, String> inputs() {
    return JobArgs.ports(
        "examples", "Examples",
        "model", "Model",
        "transform_graph", "TransformGraph",
        "blessing", "ModelBlessing");
  }

  @Override
  public Set<String> optionalInputs() {
    return Set.of("blessing");
  }

  @Override
  public Map<String, String> outputs() {
    return Map.of("inference_result", "InferenceResult");
  }

  @Override
  public Map<String, String> parameters() {
    return JobArgs.parametersOf(InferOptions.class, DRIVER_OPTIONS);
  }

  @Override
  public Optional<String> skipReason(ComponentContext context) throws Exception {
    java.nio.file.Path blessing = context.inputs().get("blessing");
    return blessing == null ? Optional.empty() : Blessings.refusal(blessing, null);
  }

  @Override
  public Map<String, Map<String, Object>> execute(ComponentContext context) {
    String[] args =
        JobArgs.from(context, Set.of())
            .with("examples", context.inputs().get("examples"))
            .with("model", context.inputs().get("model"))
            .with("transform", context.inputs().get("transform_graph"))
            .with("output", context.outputs().get("inference_result"))
            .plus(context.runnerArgs());
    InferenceArtifact artifact = new InferJob(JobArguments.parse(args, InferOptions.class), context.out()).run();
    return Map.of("inference_result", JobArgs.properties(
        "rows", artifact.scored(), "dead_letters", artifact.deadLetters(), "splits", String.join(",", artifact.splits()),
        "format", artifact.format()));
  }
}
