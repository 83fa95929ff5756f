package io.tributary.jobs.components;

import io.tributary.jobs.options.JobArguments;
import io.tributary.jobs.options.OptionsHelp;
import io.tributary.jobs.transform.TransformArtifact;
import io.tributary.jobs.transform.TransformJob;
import io.tributary.jobs.transform.TransformOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Transform in a pipeline: input {@code examples}; outputs {@code transform_graph} (the folder
 * with {@code transform_fn.json}, type {@code TransformGraph}) and {@code transformed_examples}
 * (type {@code Examples}, with {@code post_transform_statistics/} inside). The parameters are the
 * options of {@code tributary transform} but those the driver sets; {@code spec} is a path
 * relative to the pipeline file, and its content is part of the cache key, so editing the spec
 * re-runs Transform (and what reads its outputs) without touching what is upstream.
 */
final class TransformComponent implements Component {

  private static final Set<String> PATHS = Set.of("spec");
  private static final Set<String> DRIVER_OPTIONS =
      Set.of("examples", "output", "transformOutput", "overwrite", "profile");

  @Override
  public String type() {
    return "Transform";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public Map<String, String> inputs() {
    return Map.of("examples", "Examples");
  }

  @Override
  public Map<String, String> outputs() {
    Map<String, String> outputs = new LinkedHashMap<>();
    outputs.put("transform_graph", "TransformGraph");
    outputs.put("transformed_examples", "Examples");
    return outputs;
  }

  @Override
  public Map<String, String> parameters() {
    Map<String, String> parameters = new LinkedHashMap<>(OptionsHelp.describe(TransformOptions.class));
    DRIVER_OPTIONS.forEach(parameters::remove);
    return parameters;
  }

  @Override
  public void checkParameters(Map<String, Object> parameters) {
    if (!parameters.containsKey("spec")) {
      throw new IllegalArgumentException("'spec' is required: the transform spec file, relative to the pipeline file");
    }
  }

  /** The spec file's bytes: its path alone is already in the parameters. */
  @Override
  public String externalFingerprint(ComponentContext context) throws Exception {
    return JobArgs.fileFingerprint(context, "spec");
  }

  @Override
  public Map<String, Map<String, Object>> execute(ComponentContext context) {
    String[] args =
        JobArgs.from(context, PATHS)
            .with("examples", context.inputs().get("examples"))
            .with("output", context.outputs().get("transformed_examples"))
            .with("transformOutput", context.outputs().get("transform_graph"))
            .plus(context.runnerArgs());
    TransformArtifact artifact = new TransformJob(JobArguments.parse(args, TransformOptions.class), context.out()).run();
    return Map.of(
        "transform_graph",
        JobArgs.properties("fitted_rows", artifact.fittedRows(), "fit_split", artifact.fitSplit()),
        "transformed_examples",
        JobArgs.properties(
            "rows", artifact.splits().values().stream().mapToLong(Long::longValue).sum(),
            "splits", String.join(",", artifact.splits().keySet()),
            "format", artifact.format()));
  }
}
