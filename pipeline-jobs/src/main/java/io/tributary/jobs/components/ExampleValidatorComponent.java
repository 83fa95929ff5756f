package io.tributary.jobs.components;

import io.tributary.jobs.execution.Progress;
import io.tributary.jobs.validation.CheckedSplit;
import io.tributary.jobs.validation.FailOn;
import io.tributary.jobs.validation.SchemaGenJob;
import io.tributary.jobs.validation.ValidateJob;
import io.tributary.jobs.validation.ValidateSettings;
import io.tributary.transforms.validation.Anomalies;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ExampleValidator in a pipeline: inputs {@code statistics} and {@code schema}, and two optional
 * inputs: {@code baseline_statistics} (the previous span's statistics: drift of each split against
 * the same split there) and {@code serving_statistics} (serving data: checked in {@code
 * servingEnvironment} and compared with {@code trainingSplit}, for skew). Output {@code anomalies}:
 * the folder of {@code tributary validate}. Anomalies at or above {@code failOn} (default {@code
 * error}) stop the run before anything downstream (training) runs; the anomalies report stays, to
 * say why.
 *
 * <pre>
 * ExampleValidator:
 *   inputs:
 *     statistics: StatisticsGen.statistics
 *     schema: SchemaGen.schema
 *     serving_statistics: ServingStatisticsGen.statistics   # optional
 *   parameters: {failOn: error, trainingSplit: train}
 * </pre>
 */
final class ExampleValidatorComponent implements Component {

  static final String BASELINE = "baseline_statistics";
  static final String SERVING = "serving_statistics";

  @Override
  public String type() {
    return "ExampleValidator";
  }

  /** 2: skew and drift inputs, and a report with a summary and the offending values. */
  @Override
  public int version() {
    return 2;
  }

  @Override
  public Map<String, String> inputs() {
    Map<String, String> inputs = new LinkedHashMap<>();
    inputs.put("statistics", "ExampleStatistics");
    inputs.put("schema", "Schema");
    inputs.put(BASELINE, "ExampleStatistics");
    inputs.put(SERVING, "ExampleStatistics");
    return inputs;
  }

  @Override
  public Set<String> optionalInputs() {
    return Set.of(BASELINE, SERVING);
  }

  @Override
  public Map<String, String> outputs() {
    return Map.of("anomalies", "ExampleAnomalies");
  }

  @Override
  public Map<String, String> parameters() {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("failOn", "error, warning or never: which anomalies stop the run (default error).");
    parameters.put("environment", "The environment to validate in, e.g. SERVING.");
    parameters.put("trainingSplit", "The split of statistics that serving_statistics are compared with (default train).");
    parameters.put("servingEnvironment", "The environment serving_statistics are validated in (default SERVING).");
    return parameters;
  }

  @Override
  public void checkParameters(Map<String, Object> parameters) {
    FailOn.parse(String.valueOf(parameters.getOrDefault("failOn", "error")));
  }

  @Override
  public Map<String, Map<String, Object>> execute(ComponentContext context) {
    Map<String, Object> parameters = context.parameters();
    FailOn failOn = FailOn.parse(String.valueOf(parameters.getOrDefault("failOn", "error")));
    Object environment = parameters.get("environment");
    Path output = context.outputs().get("anomalies");
    ValidateSettings settings =
        ValidateSettings.of(context.inputs().get("statistics"), context.inputs().get("schema"), output)
            .withBaseline(context.inputs().get(BASELINE))
            .withServing(context.inputs().get(SERVING))
            .withTrainingSplit(String.valueOf(parameters.getOrDefault("trainingSplit", ValidateSettings.TRAINING_SPLIT)))
            .withServingEnvironment(String.valueOf(parameters.getOrDefault("servingEnvironment", "SERVING")))
            .withEnvironment(environment == null ? null : environment.toString());
    List<Anomalies> found =
        ValidateJob.run(settings, new Progress("validate", context.out()), context.reportSubject()).stream().map(CheckedSplit::anomalies).toList();
    long errors = FailOn.ERROR.count(found);
    long blocking = failOn.count(found);
    Map<String, Object> properties = JobArgs.properties(
        "errors", errors,
        "warnings", FailOn.WARNING.count(found) - errors,
        "drift_compared", context.inputs().containsKey(BASELINE) ? 1L : 0L,
        "skew_compared", context.inputs().containsKey(SERVING) ? 1L : 0L,
        Component.STOP_REASON, blocking == 0 ? null
            : blocking + " anomalies at or above failOn=" + failOn.name().toLowerCase()
                + "; see " + output.resolve(ValidateJob.REPORT) + ". Each anomaly says how to accept or fix it:"
                + " to accept, edit a copy of " + context.inputs().get("schema").resolve(SchemaGenJob.FILE)
                + " and give it to SchemaGen as parameter 'schema: COPY'.");
    return Map.of("anomalies", properties);
  }
}
