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
    // Each row scores only its own class here, so no class has negatives: no ROC AUC is defined,
    // and every class's precision is 1 at every score (PR AUC 1).
    assertEquals(new ClassMetrics(0.5, 0.5, 0.5, 2, null, 1.0), m.perClass().get("a"));
    assertEquals(new ClassMetrics(2.0 / 3, 1.0, 0.8, 2, null, 1.0), m.perClass().get("b"));
    assertEquals(new ClassMetrics(0.0, 0.0, 0.0, 1, null, 1.0), m.perClass().get("c"));
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
    assertEquals(new RegressionMetrics(0, 0, 0, 0, 0, 0), new RegressionAccumulator().metrics());
  }

  /**
   * Two classes, p(yes) per row: yes 0.9, no 0.95, yes 0.7, no 0.3, no 0.1. ROC AUC of yes: the
   * positives beat 2 and 2 of the 3 negatives, 4/6. PR AUC of yes: from the top, 0.95 is a
   * negative, 0.9 a positive at precision 1/2, 0.7 a positive at precision 2/3: (1/2 + 2/3) / 2.
   * Of no: 0.9 and 0.7 at precision 1, then 0.05 at 3/5: (1 + 1 + 3/5) / 3.
   */
  @Test
  void aucsAndLogLossOfATinyBinaryCaseByHand() {
    ConfusionAccumulator acc = new ConfusionAccumulator();
    double[] yes = {0.9, 0.95, 0.7, 0.3, 0.1};
    String[] labels = {"yes", "no", "yes", "no", "no"};
    for (int i = 0; i < yes.length; i++) {
      acc.add(labels[i], yes[i] >= 0.5 ? "yes" : "no", Map.of("yes", yes[i], "no", 1 - yes[i]));
    }

    ClassificationMetrics byDefault = acc.metrics();
    assertEquals("yes", byDefault.positiveClass(), "the second class in sorted order");
    assertEquals(4.0 / 6, byDefault.rocAuc(), EPS);
    assertEquals((1.0 / 2 + 2.0 / 3) / 2, byDefault.prAuc(), EPS);
    double logLoss = -(Math.log(0.9) + Math.log(0.05) + Math.log(0.7) + Math.log(0.7) + Math.log(0.9)) / 5;
    assertEquals(logLoss, byDefault.logLoss(), 1e-9);
    assertEquals((1.0 / 2 + 2.0 / 3) / 2, byDefault.byName().get("prAuc[yes]"), EPS);

    ClassificationMetrics no = acc.metrics("no");
    assertEquals("no", no.positiveClass());
    assertEquals(4.0 / 6, no.rocAuc(), EPS);
    assertEquals((1 + 1 + 3.0 / 5) / 3, no.prAuc(), EPS);
  }

  /**
   * Three classes: the whole-slice AUCs are the one-vs-rest macro averages. Class b's positive
   * (0.35) is beaten by one negative (0.4) and beats two: ROC AUC 2/3, PR AUC 1/2; a and c are
   * ranked perfectly (1 and 1).
   */
  @Test
  void multiclassAucsAreOneVsRestMacroAverages() {
    ConfusionAccumulator acc = new ConfusionAccumulator();
    acc.add("a", "a", Map.of("a", 0.6, "b", 0.3, "c", 0.1));
    acc.add("b", "c", Map.of("a", 0.2, "b", 0.35, "c", 0.45));
    acc.add("c", "c", Map.of("a", 0.1, "b", 0.2, "c", 0.7));
    acc.add("a", "b", Map.of("a", 0.3, "b", 0.4, "c", 0.3));

    ClassificationMetrics m = acc.metrics();
    assertNull(m.positiveClass());
    assertEquals(2.0 / 3, m.perClass().get("b").rocAuc(), EPS);
    assertEquals(0.5, m.perClass().get("b").prAuc(), EPS);
    assertEquals((1 + 2.0 / 3 + 1) / 3, m.rocAuc(), EPS);
    assertEquals((1 + 0.5 + 1) / 3, m.prAuc(), EPS);
  }

  private static ConfusionAccumulator confusion(int from, int to) {
    ConfusionAccumulator acc = new ConfusionAccumulator();
    for (Object[] row : ROWS.subList(from, to)) {
      acc.add((String) row[0], (String) row[1], row[0] == null ? null : Map.of((String) row[0], (Double) row[2]));
    }
    return acc;
  }
}
