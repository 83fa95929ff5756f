package io.tributary.transforms.evaluate.blessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.evaluate.ClassificationMetrics;
import io.tributary.transforms.evaluate.ConfusionAccumulator;
import io.tributary.transforms.evaluate.RegressionAccumulator;
import io.tributary.transforms.evaluate.RegressionMetrics;
import io.tributary.transforms.model.Task;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The naive model's metrics by hand, the two checks, and the config section. */
class NaiveBaselineTest {

  private static final double EPS = 1e-12;

  /** 8 rows labelled no, 2 yes; the model predicts every row no, with p(yes) = 0.2. */
  private static ClassificationMetrics majorityModel() {
    ConfusionAccumulator acc = new ConfusionAccumulator();
    for (int i = 0; i < 10; i++) {
      acc.add(i < 8 ? "no" : "yes", "no", Map.of("no", 0.8, "yes", 0.2));
    }
    return acc.metrics();
  }

  @Test
  void theNaiveModelsMetricsFollowFromTheLabels() {
    Map<String, Double> naive = NaiveBaseline.valuesOf(majorityModel());

    assertEquals(0.8, naive.get("accuracy"), EPS);
    assertEquals(0.5, naive.get("macroRecall"), EPS, "1 / 2 classes");
    assertEquals(0.4, naive.get("macroPrecision"), EPS);
    assertEquals(2 * 0.8 / 1.8 / 2, naive.get("macroF1"), EPS);
    assertEquals(-(0.8 * Math.log(0.8) + 0.2 * Math.log(0.2)), naive.get("logLoss"), EPS);
    assertEquals(0.5, naive.get("rocAuc"), EPS);
    assertEquals(0.2, naive.get("prAuc"), EPS, "the share of the positive class, yes");
  }

  @Test
  void aMajorityModelFailsBothChecksWithReasons() {
    List<ThresholdCheck> checks = NaiveBaseline.judge(NaiveBaselineCheck.DEFAULT, majorityModel());

    assertEquals(2, checks.size());
    assertFalse(checks.get(0).passed());
    assertEquals(NaiveBaseline.NAIVE_BASELINE, checks.get(0).kind());
    assertEquals(
        "macroRecall on Overall is 0.5, no better than the naive baseline's 0.5 (always predicting 'no', 80% of the rows):"
            + " the model is no better than a constant guess; try classWeights: balanced or a decisionThreshold in the"
            + " trainer config, or better features (naiveBaseline: false turns this check off)",
        checks.get(0).message());
    assertFalse(checks.get(1).passed());
    assertTrue(checks.get(1).message().startsWith("the model never predicts class 'yes' (2 of 10 rows)"),
        checks.get(1).message());
    Blessing blessing = new Blessing(true, List.of(), List.of()).and(checks);
    assertFalse(blessing.blessed());
    assertEquals(2, blessing.reasons().size());
  }

  @Test
  void aModelThatFindsTheMinorityPasses() {
    ConfusionAccumulator acc = new ConfusionAccumulator();
    for (int i = 0; i < 10; i++) {
      boolean yes = i >= 8;
      acc.add(yes ? "yes" : "no", yes || i == 0 ? "yes" : "no", Map.of("no", yes ? 0.3 : 0.7, "yes", yes ? 0.7 : 0.3));
    }
    List<ThresholdCheck> checks = NaiveBaseline.judge(new NaiveBaselineCheck(true, "rocAuc"), acc.metrics());

    assertTrue(checks.stream().allMatch(ThresholdCheck::passed), checks.toString());
    assertEquals("rocAuc", checks.get(0).metric());
  }

  @Test
  void regressionMustBeatTheMeanOnRmse() {
    RegressionAccumulator mean = new RegressionAccumulator();
    mean.add(1.0, 2.0);
    mean.add(3.0, 2.0);
    RegressionMetrics m = mean.metrics();
    assertEquals(1.0, m.labelStdDev(), EPS);

    List<ThresholdCheck> checks = NaiveBaseline.judge(NaiveBaselineCheck.DEFAULT, m);
    assertEquals(1, checks.size(), "no every-class check for regression");
    assertFalse(checks.get(0).passed(), "predicting the mean is the naive model: rmse 1 is not better than 1");
    assertEquals("rmse", checks.get(0).metric());
  }

  @Test
  void theConfigSectionReadsBooleansAndMetricsAndRejectsMistakes() {
    assertFalse(EvalConfig.fromYaml("naiveBaseline: false\n").naiveBaseline().enabled());
    assertTrue(EvalConfig.fromYaml("slices: [island]\n").naiveBaseline().enabled(), "on by default");
    assertEquals("prAuc", EvalConfig.fromYaml("naiveBaseline: {metric: prAuc}\n").naiveBaseline().metricFor(Task.CLASSIFICATION));
    assertEquals("rmse", NaiveBaselineCheck.DEFAULT.metricFor(Task.REGRESSION));

    IllegalArgumentException mae =
        assertThrows(IllegalArgumentException.class, () -> EvalConfig.fromYaml("naiveBaseline: {metric: mae}\n"));
    assertTrue(mae.getMessage().contains("use one of [accuracy, macroPrecision"), mae.getMessage());
    EvalConfig rocAuc = EvalConfig.fromYaml("naiveBaseline: {metric: rocAuc}\n");
    IllegalArgumentException task = assertThrows(IllegalArgumentException.class, () -> rocAuc.checkMetrics(Task.REGRESSION));
    assertTrue(task.getMessage().contains("is not a regression metric: use one of [rmse, r2]"), task.getMessage());
    assertEquals(rocAuc, EvalConfig.fromJson(rocAuc.toJson()));
  }
}
