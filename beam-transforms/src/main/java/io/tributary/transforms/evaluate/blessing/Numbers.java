package io.tributary.transforms.evaluate.blessing;

import java.math.BigDecimal;
import java.math.MathContext;

/** Numbers in messages: at most 6 significant digits, no trailing zeros ({@code 0.973684}, {@code 0.9}, {@code 114}). */
final class Numbers {

  private Numbers() {}

  static String format(double value) {
    if (!Double.isFinite(value)) {
      return String.valueOf(value);
    }
    return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
  }
}
