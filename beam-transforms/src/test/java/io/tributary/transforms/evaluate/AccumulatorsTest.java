package io.tributary.transforms.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
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
    assertEquals(new ClassMetrics(0.5, 0.5, 0.5, 2), m.perClass().get("a"));
    assertEquals(new ClassMetrics(2.0 / 3, 1.0, 0.8, 2), m.perClass().get("b"));
    assertEquals(new ClassMetrics(0.0, 0.0, 0.0, 1), m.perClass().get("c"));
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
