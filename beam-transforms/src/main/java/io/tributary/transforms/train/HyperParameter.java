package io.tributary.transforms.train;

/**
 * One hyper-parameter of an {@link Algorithm}: its name, default and allowed range.
 *
 * @param name the name used in configs and in {@code model.json}
 * @param defaultValue the value used when the config does not set it
 * @param min the smallest allowed value
 * @param max the largest allowed value
 * @param integer whether the value must be a whole number
 * @param meaning one line for help texts and error messages
 */
public record HyperParameter(String name, Number defaultValue, double min, double max, boolean integer, String meaning) {

  /** A whole number in {@code [min, max]}; the bound keeps a slip from running out of memory or never ending. */
  static HyperParameter integer(String name, int defaultValue, int min, int max, String meaning) {
    return new HyperParameter(name, defaultValue, min, max, true, meaning);
  }

  static HyperParameter real(String name, double defaultValue, double min, double max, String meaning) {
    return new HyperParameter(name, defaultValue, min, max, false, meaning);
  }

  /** {@code given} checked against the range, as an Integer or a Double. */
  Number check(Number given) {
    double value = given.doubleValue();
    if (Double.isNaN(value) || value < min || value > max) {
      throw new IllegalArgumentException(
          "hyper-parameter " + name + " = " + given + " is out of range: use " + range() + " (" + meaning + ")");
    }
    if (integer) {
      if (value != Math.rint(value)) {
        throw new IllegalArgumentException("hyper-parameter " + name + " = " + given + " must be a whole number");
      }
      return (int) value;
    }
    return value;
  }

  private String range() {
    String upper = max == Integer.MAX_VALUE || max == Double.MAX_VALUE ? "" : " and <= " + format(max);
    return ">= " + format(min) + upper;
  }

  private String format(double bound) {
    return integer || bound == Math.rint(bound) ? String.valueOf((long) bound) : String.valueOf(bound);
  }
}
