package io.tributary.jobs.components;

import io.tributary.jobs.execution.Progress;
import io.tributary.jobs.validation.FailOn;
import io.tributary.jobs.validation.ValidateJob;
import io.tributary.transforms.validation.Anomalies;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ExampleValidator in a pipeline: inputs {@code statistics} and {@code schema}, output {@code
 * anomalies}. Anomalies at or above {@code failOn} (default {@code error}) stop the run before
 * anything downstream (training) runs; the anomalies report stays, to say why.
 */
final class ExampleValidatorComponent implements Component {

  @Override
  public String type() {
    return "ExampleValidator";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public Map<String, String> inputs() {
    return Map.of("statistics", "ExampleStatistics", "schema", "Schema");
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
    return parameters;
  }

  @Override
  public void checkParameters(Map<String, Object> parameters) {
    FailOn.parse(String.valueOf(parameters.getOrDefault("failOn", "error")));
  }

  @Override
  public Map<String, Map<String, Object>> execute(ComponentContext context) {
    FailOn failOn = FailOn.parse(String.valueOf(context.parameters().getOrDefault("failOn", "error")));
    Object environment = context.parameters().get("environment");
    Path output = context.outputs().get("anomalies");
    List<Anomalies> found = ValidateJob.run(context.inputs().get("statistics"), context.inputs().get("schema"), null,
        environment == null ? null : environment.toString(), output, false, new Progress("validate", context.out()));
    long errors = FailOn.ERROR.count(found);
    long blocking = failOn.count(found);
    Map<String, Object> properties = JobArgs.properties(
        "errors", errors,
        "warnings", FailOn.WARNING.count(found) - errors,
        Component.STOP_REASON, blocking == 0 ? null
            : blocking + " anomalies at or above failOn=" + failOn.name().toLowerCase()
                + "; see " + output.resolve(ValidateJob.REPORT));
    return Map.of("anomalies", properties);
  }
}
