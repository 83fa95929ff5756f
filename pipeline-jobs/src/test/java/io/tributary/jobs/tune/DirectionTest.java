package io.tributary.jobs.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DirectionTest {

  @Test
  void lossesAreMinimisedAndScoresMaximised() {
    assertEquals(Direction.MAXIMIZE, Direction.of("accuracy"));
    assertEquals(Direction.MAXIMIZE, Direction.of("macroF1"));
    assertEquals(Direction.MAXIMIZE, Direction.of("r2"));
    assertEquals(Direction.MINIMIZE, Direction.of("rmse"));
    assertEquals(Direction.MINIMIZE, Direction.of("mae"));
    assertEquals(Direction.MINIMIZE, Direction.of("logLoss"));
    assertEquals(Direction.MAXIMIZE, Direction.of("rocAuc"));
    assertEquals(Direction.MAXIMIZE, Direction.of("prAuc"));
    assertEquals(Direction.MAXIMIZE, Direction.of("macroRecall"));
  }

  @Test
  void aMetricTheTrainerDoesNotReportIsNamedWithTheChoices() {
    String message = assertThrows(IllegalArgumentException.class, () -> Direction.of("auc")).getMessage();
    assertEquals(
        "unknown metric 'auc': use one of [accuracy, macroPrecision, macroRecall, macroF1, logLoss, rocAuc, prAuc]"
            + " (classification) or [rmse, mae, r2] (regression)", message);
  }

  @Test
  void nanNeverWinsAndATieKeepsTheBest() {
    assertTrue(Direction.MINIMIZE.better(0.1, 0.2));
    assertFalse(Direction.MINIMIZE.better(0.2, 0.2));
    assertFalse(Direction.MAXIMIZE.better(Double.NaN, 0.2));
    assertTrue(Direction.MAXIMIZE.better(0.1, Double.NaN));
  }
}
