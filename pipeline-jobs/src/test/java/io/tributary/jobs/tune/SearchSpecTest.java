package io.tributary.jobs.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.train.Algorithm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The search section: its forms, the trials each strategy chooses, and its checks. */
class SearchSpecTest {

  private static TuneConfig config(String search) {
    return TuneConfig.parse("label: species\nalgorithm: xgboost\nsearch:\n" + search.indent(2), false);
  }

  @Test
  void aBareListAndAValuesMappingAreTheSame() {
    TuneConfig bare = config("strategy: grid\nmetric: accuracy\nparameters: {maxDepth: [2, 4]}");
    TuneConfig mapping = config("strategy: grid\nmetric: accuracy\nparameters: {maxDepth: {values: [2, 4]}}");
    assertEquals(bare.search(), mapping.search());
    assertEquals(Direction.MAXIMIZE, bare.search().direction());
    assertEquals(Direction.MINIMIZE,
        config("strategy: grid\nmetric: rmse\nparameters: {maxDepth: [2]}").search().direction());
  }

  @Test
  void theDecisionThresholdIsSearchedLikeAHyperParameterAndLandsInTheTrainerConfig() {
    TuneConfig tune = config("strategy: grid\nmetric: prAuc\nparameters: {maxDepth: [2], decisionThreshold: [0.2, 0.4]}");
    assertEquals(Direction.MAXIMIZE, tune.search().direction());
    List<Map<String, Number>> trials = tune.search().trials(Algorithm.XGBOOST);
    assertEquals(List.of(Map.of("decisionThreshold", 0.2, "maxDepth", 2), Map.of("decisionThreshold", 0.4, "maxDepth", 2)),
        trials);

    var trial = tune.trialConfig(trials.get(1));
    assertEquals(0.4, trial.decisionThreshold());
    assertEquals(Map.of("maxDepth", 2), trial.hyperParameters(), "the threshold is not an XGBoost hyper-parameter");
    var best = new BestHyperParameters(1, "xgboost", Map.of("maxDepth", 2, "decisionThreshold", 0.2), "prAuc", "maximize",
        0.8, 0);
    assertEquals(0.2, best.applyTo(tune.trainer()).decisionThreshold());

    IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
        () -> config("strategy: grid\nmetric: accuracy\nparameters: {decisionThreshold: [0, 0.5]}"));
    assertTrue(range.getMessage().contains("decisionThreshold = 0 is out of range"), range.getMessage());
  }

  @Test
  void gridVariesTheLastNameFastestAndStopsAtTheBudget() {
    SearchSpec search = config("strategy: grid\nmetric: accuracy\ntrials: 3\nparameters: {maxDepth: [2, 4], eta: [0.1, 0.3]}")
        .search();
    assertEquals(4, search.gridSize());
    assertEquals(List.of(Map.of("eta", 0.1, "maxDepth", 2), Map.of("eta", 0.1, "maxDepth", 4), Map.of("eta", 0.3, "maxDepth", 2)),
        search.trials(Algorithm.XGBOOST));
  }

  @Test
  void randomDrawsStayInTheirRangesAndReachBothEnds() {
    SearchSpec search = config("""
        strategy: random
        metric: accuracy
        trials: 400
        seed: 5
        parameters:
          numTrees: {min: 1, max: 4}
          eta: {min: 0.001, max: 1.0, scale: log}
          maxDepth: [3, 9]
        """).search();
    List<Map<String, Number>> trials = search.trials(Algorithm.XGBOOST);
    assertEquals(400, trials.size());
    assertEquals(trials, search.trials(Algorithm.XGBOOST), "the same seed draws the same trials");
    assertEquals(List.of(1, 2, 3, 4), trials.stream().map(t -> t.get("numTrees")).distinct().sorted((a, b) -> a.intValue() - b.intValue()).toList());
    assertTrue(trials.stream().allMatch(t -> t.get("numTrees") instanceof Integer));
    assertEquals(List.of(3, 9), trials.stream().map(t -> t.get("maxDepth").intValue()).distinct().sorted().toList());
    double[] etas = trials.stream().mapToDouble(t -> t.get("eta").doubleValue()).toArray();
    assertTrue(IntStream.range(0, etas.length).allMatch(i -> etas[i] >= 0.001 && etas[i] <= 1.0));
    // Log scale: each decade is about as likely, so about a third of the draws fall below 0.01.
    long belowHundredth = IntStream.range(0, etas.length).filter(i -> etas[i] < 0.01).count();
    assertTrue(belowHundredth > 90 && belowHundredth < 180, "draws below 0.01: " + belowHundredth);
  }

  @Test
  void thePenguinSampleConfigReads() throws Exception {
    TuneConfig sample = TuneConfig.parse(Files.readString(Path.of("../samples/penguin/tune.yaml")), false);
    assertEquals(Algorithm.LOGISTIC_REGRESSION, sample.algorithm());
    assertEquals(4, sample.search().trials(sample.algorithm()).size());
  }

  @Test
  void mistakesNameTheFix() {
    assertMessage("unknown range field 'step': use values, or min, max and scale",
        "strategy: random\nmetric: accuracy\nparameters: {eta: {min: 0.1, max: 0.3, step: 0.1}}");
    assertMessage("min 0.5 is above max 0.1: swap them", "strategy: random\nmetric: accuracy\nparameters: {eta: {min: 0.5, max: 0.1}}");
    assertMessage("give either 'values' or 'min' and 'max', not both",
        "strategy: random\nmetric: accuracy\nparameters: {eta: {values: [0.1], min: 0.1, max: 0.2}}");
    assertMessage("unknown search strategy 'bayes': use grid or random", "strategy: bayes\nmetric: accuracy\nparameters: {eta: [0.1]}");
    assertMessage("hyper-parameter maxDepth = 2.5 must be a whole number",
        "strategy: random\nmetric: accuracy\nparameters: {maxDepth: {min: 2.5, max: 4}}");
    IllegalArgumentException both = assertThrows(IllegalArgumentException.class, () -> TuneConfig.parse(
        "label: species\nalgorithm: cart\nhyperParameters: {maxDepth: 3}\nsearch: {strategy: grid, metric: accuracy, parameters: {maxDepth: [2]}}",
        false));
    assertEquals("hyper-parameter maxDepth is both fixed in hyperParameters and searched: remove one of them", both.getMessage());
  }

  private static void assertMessage(String expected, String search) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> config(search));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void aGridBeyondItsBoundIsRefusedBeforeItIsListed() {
    String values = IntStream.range(1, 61).mapToObj(String::valueOf).reduce((a, b) -> a + ", " + b).orElseThrow();
    IllegalArgumentException grid = assertThrows(IllegalArgumentException.class, () -> config(
        "strategy: grid\nmetric: accuracy\nparameters: {maxDepth: [" + values + "], numTrees: [" + values + "],"
            + " eta: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0], gamma: [0, 1, 2, 3, 4]}"));
    assertTrue(grid.getMessage().contains("the grid (the product of the numbers of values) is 180000; at most 100000"
        + " (every combination is listed before the first trial; list fewer values or use strategy: random)"),
        grid.getMessage());
  }

}
