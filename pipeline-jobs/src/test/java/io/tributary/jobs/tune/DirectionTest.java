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
  }

  @Test
  void aMetricTheTrainerDoesNotReportIsNamedWithTheChoices() {
    String message = assertThrows(IllegalArgumentException.class, () -> Direction.of("logLoss")).getMessage();
    assertTrue(message.startsWith("unknown metric 'logLoss': use accuracy or macroF1"), message);
  }

  @Test
  void nanNeverWinsAndATieKeepsTheBest() {
    assertTrue(Direction.MINIMIZE.better(0.1, 0.2));
    assertFalse(Direction.MINIMIZE.better(0.2, 0.2));
    assertFalse(Direction.MAXIMIZE.better(Double.NaN, 0.2));
    assertTrue(Direction.MAXIMIZE.better(0.1, Double.NaN));
  }
}
