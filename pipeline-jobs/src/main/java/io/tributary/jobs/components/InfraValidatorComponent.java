package io.tributary.jobs.components;

import io.tributary.jobs.execution.Progress;
import io.tributary.jobs.infra.CanarySettings;
import io.tributary.jobs.infra.InfraBlessing;
import io.tributary.jobs.infra.InfraValidateJob;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * InfraValidator in a pipeline: inputs {@code model} ({@code Model}), {@code examples} ({@code
 * Examples}: the canary rows) and {@code transform_graph} ({@code TransformGraph}); output {@code
 * infra_blessing} ({@code InfraBlessing}) with the property {@code blessed} = 1 or 0. A model that
 * is not infra-blessed does not stop the run: the Pusher reads the verdict and is skipped.
 */
final class InfraValidatorComponent implements Component {

  @Override
  public String type() {
    return "InfraValidator";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public Map<String, String> inputs() {
    return JobArgs.ports("model", "Model", "examples", "Examples", "transform_graph", "TransformGraph");
  }

  @Override
  public Map<String, String> outputs() {
    return Map.of("infra_blessing", "InfraBlessing");
  }

  @Override
  public Map<String, String> parameters() {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("split", "The split the canary rows come from (default eval).");
    parameters.put("canaryRows", "How many rows (the first of the split) are served (default 100).");
    parameters.put("maxP99LatencyMs", "Not blessed above this 99th percentile of one prediction's latency (default: no limit).");
    parameters.put("maxHeapMb", "Not blessed if the serving JVM holds more heap once it has served the canary (default: no limit).");
    parameters.put("timeoutSeconds", "The canary JVM is killed, and the model not blessed, after this long (default 120).");
    return parameters;
  }

  @Override
  public void checkParameters(Map<String, Object> parameters) {
    settings(parameters);
  }

  private static CanarySettings settings(Map<String, Object> parameters) {
    Object split = parameters.get("split");
    return new CanarySettings(
        split == null ? CanarySettings.DEFAULT_SPLIT : split.toString(),
        (int) number(parameters, "canaryRows", CanarySettings.DEFAULT_ROWS),
        parameters.containsKey("maxP99LatencyMs") ? number(parameters, "maxP99LatencyMs", 0) : null,
        parameters.containsKey("maxHeapMb") ? (long) number(parameters, "maxHeapMb", 0) : null,
        (int) number(parameters, "timeoutSeconds", CanarySettings.DEFAULT_TIMEOUT_SECONDS));
  }

  private static double number(Map<String, Object> parameters, String name, double otherwise) {
    Object value = parameters.get(name);
    if (value == null) {
      return otherwise;
    }
    try {
      return Double.parseDouble(value.toString());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + name + "' is '" + value + "': give a number");
    }
  }

  @Override
  public Map<String, Map<String, Object>> execute(ComponentContext context) throws Exception {
    InfraBlessing verdict = InfraValidateJob.run(
        context.inputs().get("model"), context.inputs().get("transform_graph"), context.inputs().get("examples"),
        settings(context.parameters()), context.outputs().get("infra_blessing"), false,
        new Progress("infra-validate", context.out()));
    return Map.of(
        "infra_blessing",
        JobArgs.properties(
            "blessed", verdict.blessed() ? 1L : 0L,
            "reason", verdict.reason(),
            "p99_latency_ms", verdict.latencyMs() == null ? null : verdict.latencyMs().p99(),
            "heap_used_mb", verdict.heapUsedMb()));
  }
}
