package io.tributary.transforms.examplegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SpanPatternTest {

  @Test
  void spanAndVersionBecomeGlobsAndAreReadBack() {
    SpanPattern p = SpanPattern.parse("/d/span-{SPAN}/v{VERSION:2}/*.csv");
    assertEquals("/d/span-*/v??/*.csv", p.glob());
    assertEquals(12, p.spanOf("/d/span-12/v03/part.csv").getAsLong());
    assertEquals(3, p.versionOf("/d/span-12/v03/part.csv").getAsLong());
    assertTrue(p.spanOf("/d/span-x/v03/part.csv").isEmpty());
    assertTrue(p.spanOf("/d/span-1/v03/sub/part.csv").isEmpty(), "* does not cross folders");
  }

  @Test
  void dateSpanIsTheDayNumber() {
    SpanPattern p = SpanPattern.parse("/d/{YYYY}-{MM}-{DD}/*.csv");
    assertEquals("/d/????-??-??/*.csv", p.glob());
    assertEquals(LocalDate.of(2026, 11, 22).toEpochDay(), p.spanOf("/d/2026-11-22/a.csv").getAsLong());
    assertTrue(p.spanOf("/d/2026-13-40/a.csv").isEmpty(), "not a date");
  }

  @Test
  void literalRegexCharactersAreLiteral() {
    SpanPattern p = SpanPattern.parse("/d/a+b(1)/{SPAN}.csv");
    assertEquals(5, p.spanOf("/d/a+b(1)/5.csv").getAsLong());
  }

  @Test
  void noPlaceholdersMeansNoSpan() {
    assertFalse(SpanPattern.parse("/d/*.csv").hasSpan());
  }

  @Test
  void badPatternsAreRejectedWithTheFix() {
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> SpanPattern.parse("/{SPAN}/{SPAN}"))
            .getMessage().contains("at most once"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> SpanPattern.parse("/{YYYY}/{MM}"))
            .getMessage().contains("needs all of"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> SpanPattern.parse("/{VERSION}"))
            .getMessage().contains("add {SPAN}"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> SpanPattern.parse("/{SPAN}/{YYYY}{MM}{DD}"))
            .getMessage().contains("use one of them"));
  }
}
