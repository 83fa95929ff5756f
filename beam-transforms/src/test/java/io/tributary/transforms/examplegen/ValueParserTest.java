package io.tributary.transforms.examplegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.beam.sdk.schemas.Schema.TypeName;
import org.junit.jupiter.api.Test;

class ValueParserTest {

  @Test
  void longsAreWholeNumbersThatFit() {
    assertTrue(ValueParser.isLong("42"));
    assertTrue(ValueParser.isLong(" -7 "));
    assertFalse(ValueParser.isLong("4.0"));
    assertFalse(ValueParser.isLong("99999999999999999999"), "overflow is not a long");
    assertEquals(-7L, ValueParser.parse(" -7 ", TypeName.INT64));
  }

  @Test
  void doublesAreWhatAPersonReadsAsNumbers() {
    assertTrue(ValueParser.isDouble("3.5"));
    assertTrue(ValueParser.isDouble("1e-300"));
    assertTrue(ValueParser.isDouble(".5"));
    assertTrue(ValueParser.isDouble("NaN"));
    assertTrue(ValueParser.isDouble("-Infinity"));
    assertFalse(ValueParser.isDouble("1d"), "Java's parseDouble takes 1d; a person does not");
    assertFalse(ValueParser.isDouble("0x1p3"));
    assertFalse(ValueParser.isDouble(""));
    assertEquals(Double.NEGATIVE_INFINITY, ValueParser.parse("-inf", TypeName.DOUBLE));
    assertTrue(Double.isNaN((Double) ValueParser.parse("nan", TypeName.DOUBLE)));
  }

  @Test
  void booleansAreTrueOrFalseInAnyCase() {
    assertEquals(true, ValueParser.parse("TRUE", TypeName.BOOLEAN));
    assertFalse(ValueParser.isBoolean("yes"));
  }

  @Test
  void aBadValueNamesTheType() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ValueParser.parse("abc", TypeName.DOUBLE));
    assertEquals("'abc' is not a number (DOUBLE)", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ValueParser.parse("3000000000", TypeName.INT32));
  }
}
