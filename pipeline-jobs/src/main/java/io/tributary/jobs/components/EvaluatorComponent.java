package io.tributary.jobs.components;

import io.tributary.jobs.evaluate.EvaluateJob;
import io.tributary.jobs.evaluate.EvaluateOptions;
import io.tributary.jobs.evaluate.MetricsFile;
import io.tributary.jobs.options.JobArguments;
import io.tributary.transforms.evaluate.SliceKey;
import io.tributary.transforms.evaluate.blessing.EvalConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.schemas.Schema;

/**
 * Evaluator in a pipeline: inputs {@code examples} (Examples), {@code model} (Model), {@code
 * transform_graph} (TransformGraph) and the optional {@code baseline_model} (Model: the latest
 * blessed model, which the driver finds in the metadata store; a first run has none, and then
 * change thresholds are skipped). Outputs {@code evaluation} (ModelEvaluation: {@code
 * metrics.json}, {@code evaluation.html}) and {@code blessing} (ModelBlessing, with the property
 * {@code blessed} = 1 or 0, which the Pusher checks). The parameters are the options of {@code
 * tributary evaluate} but those the driver sets; {@code config} is a path relative to the pipeline
 * file, and its content is part of the cache key, so editing a threshold re-evaluates.
 */
final class EvaluatorComponent implements Component {

  private static final Set<String> PATHS = Set.of("config");
  private static final Set<String> DRIVER_OPTIONS =
      Set.of("examples", "model", "transform", "baselineModel", "baselineTransform", "output", "blessingOutput",
          "overwrite", "profile");

  @Override
  public String type() {
    return "Evaluator";
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
        "baseline_model", "Model");
  }

  @Override
  public Set<String> optionalInputs() {
    return Set.of("baseline_model");
  }

  @Override
  public Map<String, String> outputs() {
    return JobArgs.ports("evaluation", "ModelEvaluation", "blessing", "ModelBlessing");
  }

  @Override
  public Map<String, String> parameters() {
    return JobArgs.parametersOf(EvaluateOptions.class, DRIVER_OPTIONS);
  }

  @Override
  public void checkParameters(Map<String, Object> parameters) {
    if (!parameters.containsKey("config")) {
      throw new IllegalArgumentException(
          "'config' is required: the evaluation config (label, slices, thresholds), relative to the pipeline file");
    }
  }

  /** The config is read, every threshold's metric checked against every task's metrics. */
  @Override
  public void validate(Map<String, Object> parameters, Path baseDir) {
    EvaluateJob.readConfig(ConfigChecks.file(parameters, baseDir, "config"));
  }

  /** The label (when the config names it) and every slice column must be columns of the examples. */
  @Override
  public void validateInputs(Map<String, Object> parameters, Path baseDir, Map<String, Path> inputs) {
    Schema examples = ConfigChecks.examplesSchema(inputs.get("examples"));
    if (examples != null) {
      Path config = ConfigChecks.file(parameters, baseDir, "config");
      EvalConfig read = EvaluateJob.readConfig(config);
      EvaluateJob.checkColumns(examples, read.labelOr(null), read, config);
    }
  }

  /** The config file's bytes: its path alone is already in the parameters. */
  @Override
  public String externalFingerprint(ComponentContext context) throws Exception {
    Path config = Path.of(JobArgs.resolve(context.baseDir(), String.valueOf(context.parameters().get("config"))));
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(config)));
  }

  @Override
  public Map<String, Map<String, Object>> execute(ComponentContext context) {
    JobArgs args =
        JobArgs.from(context, PATHS)
            .with("examples", context.inputs().get("examples"))
            .with("model", context.inputs().get("model"))
            .with("transform", context.inputs().get("transform_graph"))
            .with("output", context.outputs().get("evaluation"))
            .with("blessingOutput", context.outputs().get("blessing"));
    Path baseline = context.inputs().get("baseline_model");
    if (baseline != null) {
      args.with("baselineModel", baseline);
    }
    MetricsFile metrics =
        new EvaluateJob(JobArguments.parse(args.plus(context.runnerArgs()), EvaluateOptions.class), context.out()).run();
    long blessed = metrics.blessing().blessed() ? 1L : 0L;
    return Map.of(
        "evaluation",
        JobArgs.properties(
            "examples", metrics.candidate().slice(SliceKey.OVERALL)
                .map(s -> s.metrics().examples()).orElse(0L),
            "slices", (long) metrics.candidate().slices().size(),
            "blessed", blessed),
        "blessing",
        JobArgs.properties("blessed", blessed, "has_baseline", metrics.baseline() == null ? 0L : 1L));
  }
}
