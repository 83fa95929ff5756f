package io.tributary.jobs.components;

import io.tributary.jobs.examplegen.ExampleSplits;
import io.tributary.jobs.examplegen.ExamplesArtifact;
import io.tributary.jobs.options.JobArguments;
import io.tributary.jobs.transform.TransformJob;
import io.tributary.jobs.transform.TransformOptions;
import io.tributary.jobs.transform.TransformSpecFile;
import java.nio.file.Path;
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
    return JobArgs.ports("transform_graph", "TransformGraph", "transformed_examples", "Examples");
  }

  @Override
  public Map<String, String> parameters() {
    return JobArgs.parametersOf(TransformOptions.class, DRIVER_OPTIONS);
  }

  @Override
  public void checkParameters(Map<String, Object> parameters) {
    if (!parameters.containsKey("spec")) {
      throw new IllegalArgumentException("'spec' is required: the transform spec file, relative to the pipeline file");
    }
  }

  /** The spec is read, with every step name and option, before anything runs. */
  @Override
  public void validate(Map<String, Object> parameters, Path baseDir) {
    TransformSpecFile.read(ConfigChecks.file(parameters, baseDir, "spec"));
  }

  /** Every column the spec names must be in the examples, and every column accounted for. */
  @Override
  public void validateInputs(Map<String, Object> parameters, Path baseDir, Map<String, Path> inputs) {
    Path examples = inputs.get("examples");
    if (examples != null) {
      Path spec = ConfigChecks.file(parameters, baseDir, "spec");
      TransformJob.checkAgainstSchemas(TransformSpecFile.read(spec), spec, examples, ExampleSplits.of(examples));
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
    ExamplesArtifact artifact = new TransformJob(JobArguments.parse(args, TransformOptions.class), context.out()).run();
    return Map.of(
        "transform_graph",
        JobArgs.properties("fitted_rows", artifact.transform().fittedRows(), "fit_split", artifact.transform().fitSplit()),
        "transformed_examples",
        JobArgs.properties(
            "rows", artifact.splits().values().stream().mapToLong(Long::longValue).sum(),
            "splits", String.join(",", artifact.splits().keySet()),
            "format", artifact.format()));
  }
}
