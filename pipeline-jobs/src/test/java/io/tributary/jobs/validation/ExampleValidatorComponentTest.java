package io.tributary.jobs.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.jobs.components.Component;
import io.tributary.jobs.components.ComponentContext;
import io.tributary.jobs.components.ComponentRegistry;
import io.tributary.transforms.validation.AnomaliesJson;
import io.tributary.transforms.validation.AnomalyType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ExampleValidator as the driver runs it: the previous span's statistics ({@code
 * baseline_statistics}) and serving statistics ({@code serving_statistics}) are optional inputs
 * that, when bound, add drift and skew to the same output.
 */
class ExampleValidatorComponentTest {

  private static final PenguinCorruptions DATA = PenguinCorruptions.get();
  private static final Component VALIDATOR = ComponentRegistry.standard().get("ExampleValidator");

  @TempDir Path dir;

  @Test
  void baselineAndServingStatisticsAreOptionalInputs() {
    assertEquals(Set.of("baseline_statistics", "serving_statistics"), VALIDATOR.optionalInputs());
    assertTrue(VALIDATOR.inputs().keySet().containsAll(VALIDATOR.optionalInputs()));
    assertEquals("ExampleStatistics", VALIDATOR.inputs().get("baseline_statistics"));
    assertEquals("ExampleStatistics", VALIDATOR.inputs().get("serving_statistics"));
  }

  @Test
  void unboundOptionalInputsCompareNothing() throws Exception {
    Map<String, Object> anomalies = execute(Map.of()).get("anomalies");
    assertEquals(0L, anomalies.get("drift_compared"));
    assertEquals(0L, anomalies.get("skew_compared"));
    assertFalse(anomalies.containsKey(Component.STOP_REASON), anomalies.toString());
    assertEquals(List.of(), AnomaliesJson.read(dir.resolve("out/Split-eval/anomalies.json")).distances());
  }

  @Test
  void boundOptionalInputsAddDriftAndSkewAndCanStopTheRun() throws Exception {
    Map<String, Object> anomalies =
        execute(Map.of("baseline_statistics", DATA.cleanStatistics, "serving_statistics", DATA.shiftedStatistics))
            .get("anomalies");
    assertEquals(1L, anomalies.get("drift_compared"));
    assertEquals(1L, anomalies.get("skew_compared"));
    assertTrue(String.valueOf(anomalies.get(Component.STOP_REASON)).contains("anomalies at or above failOn=error"));
    assertFalse(AnomaliesJson.read(dir.resolve("out/serving/Split-eval/anomalies.json")).ofType(AnomalyType.SKEW).isEmpty());
    assertEquals(8 * 4, AnomaliesJson.read(dir.resolve("out/Split-eval/anomalies.json")).distances().size());
    assertTrue(Files.exists(dir.resolve("out/anomalies.html")));
  }

  private Map<String, Map<String, Object>> execute(Map<String, Path> optional) throws Exception {
    Map<String, Path> inputs = new HashMap<>(optional);
    inputs.put("statistics", DATA.cleanStatistics);
    inputs.put("schema", DATA.schema);
    ComponentContext context = new ComponentContext("p", "ExampleValidator", Map.of("failOn", "error"), inputs,
        Map.of("anomalies", dir.resolve("out")), dir, List.of(),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    return VALIDATOR.execute(context);
  }
}
