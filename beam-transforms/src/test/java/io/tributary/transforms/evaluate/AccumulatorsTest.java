package io.tributary.transforms.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;

/** The metrics of small hand-checked cases, empty input, and merge equal to one pass. */
class AccumulatorsTest {

  private static final double EPS = 1e-12;

  /** label, prediction, probability of the label. */
  private static final List<Object[]> ROWS =
      List.of(
          new Object[] {"a", "a", 0.9},
          new Object[] {"a", "b", 0.4},
          new Object[] {"b", "b", 0.8},
          new Object[] {"b", "b", 0.7},
          new Object[] {"c", "a", 0.1},
          new Object[] {null, "a", 0.5});

  @Test
  void classificationMetricsOfAHandCheckedCase() {
    ClassificationMetrics m = confusion(0, ROWS.size()).metrics();

    assertEquals(5, m.examples());
    assertEquals(1, m.unlabelled());
    assertEquals(3.0 / 5, m.accuracy(), EPS);
    assertEquals(List.of("a", "b", "c"), m.classes());
    // Each row scores only its own class here, so no class has negatives: no AUC is defined.
    assertEquals(new ClassMetrics(0.5, 0.5, 0.5, 2, null), m.perClass().get("a"));
    assertEquals(new ClassMetrics(2.0 / 3, 1.0, 0.8, 2, null), m.perClass().get("b"));
    assertEquals(new ClassMetrics(0.0, 0.0, 0.0, 1, null), m.perClass().get("c"));
    assertNull(m.rocAuc());
    assertEquals((0.5 + 2.0 / 3) / 3, m.macroPrecision(), EPS);
    assertEquals(0.5, m.macroRecall(), EPS);
    assertEquals(1.3 / 3, m.macroF1(), EPS);
    double logLoss = -(Math.log(0.9) + Math.log(0.4) + Math.log(0.8) + Math.log(0.7) + Math.log(0.1)) / 5;
    assertEquals(logLoss, m.logLoss(), EPS);
    assertEquals(Map.of("a", 1L, "b", 1L), m.confusion().get("a"));
    assertEquals(Map.of("a", 1L), m.confusion().get("c"));
  }

  @Test
  void mergedPartialsEqualOnePass() {
    ClassificationMetrics onePass = confusion(0, ROWS.size()).metrics();
    for (int cut = 0; cut <= ROWS.size(); cut++) {
      ClassificationMetrics merged = confusion(0, cut).merge(confusion(cut, ROWS.size())).metrics();
      assertEquals(onePass.confusion(), merged.confusion());
      assertEquals(onePass.perClass(), merged.perClass());
      assertEquals(onePass.logLoss(), merged.logLoss(), EPS);
    }
  }

  @Test
  void oneVsRestAucCountsOrderedPairsAndTiesHalf() {
    ConfusionAccumulator acc = new ConfusionAccumulator();
    // Class x scores: positives 0.9, 0.5; negatives 0.5, 0.1, 0.7 -> pairs won: 3 + (1 + 0.5) = 4.5 of 6.
    double[][] rows = {{1, 0.9}, {1, 0.5}, {0, 0.5}, {0, 0.1}, {0, 0.7}};
    for (double[] row : rows) {
      String label = row[0] == 1 ? "x" : "y";
      acc.add(label, label, Map.of("x", row[1], "y", 1 - row[1], "z", 0.0));
    }
    ClassificationMetrics m = acc.metrics();
    assertEquals(4.5 / 6, m.perClass().get("x").rocAuc(), EPS);
    assertEquals(4.5 / 6, m.perClass().get("y").rocAuc(), EPS);
    assertEquals(4.5 / 6, m.rocAuc(), EPS, "the mean of the defined AUCs: z has no positives, so none");
    assertNull(m.perClass().get("z"), "z is never a label or a prediction");
  }

  @Test
  void codersRoundTripAndAreDeterministic() throws Exception {
    ConfusionAccumulator confusion = confusion(0, ROWS.size());
    byte[] bytes = CoderUtils.encodeToByteArray(ConfusionAccumulatorCoder.of(), confusion);
    assertEquals(confusion.metrics(), CoderUtils.decodeFromByteArray(ConfusionAccumulatorCoder.of(), bytes).metrics());
    assertArrayEquals(bytes, CoderUtils.encodeToByteArray(ConfusionAccumulatorCoder.of(), confusion(0, ROWS.size())));
    RegressionAccumulator regression = new RegressionAccumulator();
    regression.add(4200.0, 4100.0);
    regression.add(3650.0, 3700.0);
    byte[] encoded = CoderUtils.encodeToByteArray(RegressionAccumulatorCoder.of(), regression);
    assertEquals(regression.metrics(), CoderUtils.decodeFromByteArray(RegressionAccumulatorCoder.of(), encoded).metrics());
    ClassificationMetrics metrics = confusion.metrics();
    MetricsCoder<ClassificationMetrics> coder = MetricsCoder.of(ClassificationMetrics.class);
    assertEquals(metrics, CoderUtils.decodeFromByteArray(coder, CoderUtils.encodeToByteArray(coder, metrics)));
  }

  @Test
  void rSquaredStaysRightForLabelsFarFromZero() {
    RegressionAccumulator first = new RegressionAccumulator();
    RegressionAccumulator second = new RegressionAccumulator();
    // Labels 1e9 + {1, 2, 3}, predictions off by 0.5 each: SSE 0.75, SST 2, R² 0.625.
    first.add(1e9 + 1, 1e9 + 1.5);
    second.add(1e9 + 2, 1e9 + 2.5);
    second.add(1e9 + 3, 1e9 + 3.5);
    assertEquals(0.625, first.merge(second).metrics().r2(), 1e-9);
  }

  @Test
  void emptyInputAndNoProbabilities() {
    ClassificationMetrics empty = new ConfusionAccumulator().metrics();
    assertEquals(0, empty.examples());
    assertEquals(0.0, empty.accuracy());
    assertNull(empty.logLoss());

    ConfusionAccumulator noScores = new ConfusionAccumulator();
    noScores.add("x", "x", null);
    assertNull(noScores.metrics().logLoss());
    assertEquals(1.0, noScores.metrics().accuracy());
  }

  @Test
  void regressionMetricsOfAHandCheckedCase() {
    RegressionAccumulator first = new RegressionAccumulator();
    first.add(1.0, 1.0);
    first.add(2.0, 2.0);
    RegressionAccumulator second = new RegressionAccumulator();
    second.add(3.0, 4.0);
    second.add(null, 9.0);

    RegressionMetrics m = first.merge(second).metrics();

    assertEquals(3, m.examples());
    assertEquals(1, m.unlabelled());
    assertEquals(Math.sqrt(1.0 / 3), m.rmse(), EPS);
    assertEquals(1.0 / 3, m.mae(), EPS);
    assertEquals(0.5, m.r2(), EPS);
    assertEquals(new RegressionMetrics(0, 0, 0, 0, 0), new RegressionAccumulator().metrics());
  }

  private static ConfusionAccumulator confusion(int from, int to) {
    ConfusionAccumulator acc = new ConfusionAccumulator();
    for (Object[] row : ROWS.subList(from, to)) {
      acc.add((String) row[0], (String) row[1], row[0] == null ? null : Map.of((String) row[0], (Double) row[2]));
    }
    return acc;
  }
}
