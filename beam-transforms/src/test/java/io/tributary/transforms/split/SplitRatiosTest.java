package io.tributary.transforms.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SplitRatiosTest {

  @Test
  void parsesNamesWeightsAndShares() {
    SplitRatios ratios = SplitRatios.parse("train:8, eval:1,test:1");
    assertEquals(List.of("train", "eval", "test"), ratios.names());
    assertEquals(0.8, ratios.share(0), 1e-12);
    assertEquals(0.1, ratios.share(2), 1e-12);
    assertEquals(0, ratios.indexOf(0.0));
    assertEquals(1, ratios.indexOf(0.85));
    assertEquals(2, ratios.indexOf(0.999999));
    assertEquals("train:8,eval:1,test:1", ratios.toString());
  }

  @Test
  void badSpecsSayWhatIsWrong() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SplitRatios.parse("train"))
        .getMessage().contains("is not name:weight"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SplitRatios.parse("train:0"))
        .getMessage().contains("must be positive"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SplitRatios.parse("a:1,a:2"))
        .getMessage().contains("named twice"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SplitRatios.parse("a/b:1"))
        .getMessage().contains("may only hold"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SplitRatios.parse("a:x"))
        .getMessage().contains("not a whole number"));
  }
}
