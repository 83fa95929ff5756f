package io.tributary.jobs.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.jobs.testing.PenguinTraining;
import io.tributary.transforms.model.Predictor;
import io.tributary.transforms.model.Score;
import io.tributary.transforms.transform.TransformFn;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanaryTest {

  private static final PenguinTraining PENGUINS = PenguinTraining.get();

  @Test
  void theTypicalPenguinComesFromTheFittedConstants() {
    Predictor predictor = Predictor.load(PENGUINS.model.toString(), PENGUINS.transform.toString());
    TransformFn fn = predictor.transform();
    Map<String, Object> typical = Canary.typicalInstance(fn);

    assertEquals(fn.constants("bill_length").get(0).fill(), typical.get("bill_length_mm"), "the imputation fill");
    assertEquals(fn.constants("island").get(0).vocabulary().get(0), typical.get("island"), "the most frequent island");
    assertFalse(typical.containsKey("species"), "the label is not sent at serving time");
    assertEquals(6, typical.size());

    Score score = Canary.check(predictor);
    assertTrue(score.probabilities().containsKey(score.label()));
  }
}
