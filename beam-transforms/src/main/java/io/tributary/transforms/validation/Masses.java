package io.tributary.transforms.validation;

/**
 * The arithmetic and the wording of the schema's {@code minDomainMass} and {@code minRangeMass}:
 * how many values outside the domain or range a split may hold before they are an ERROR rather
 * than a WARNING.
 */
final class Masses {
  private Masses() {}

  /** The most values outside that {@code mass} tolerates among {@code present} values. */
  static long tolerated(double mass, long present) {
    // The small epsilon keeps 0.99 × 100 from becoming 0.999999 × ... and tolerating 0 instead of 1.
    return (long) Math.floor((1.0 - mass) * present + 1e-9);
  }

  /**
   * Whether a remedy suggests lowering the mass: only for a small share outside; past it the values
   * are not a tail but a change (a new unit, a shifted distribution, another code list).
   */
  static boolean worthLowering(double outside, long present) {
    return outside <= 0.1 * present;
  }

  /** The largest mass (4 decimals) that tolerates {@code outside} of {@code present} values. */
  static double massAllowing(double outside, long present) {
    return Math.floor((1.0 - outside / present) * 1e4) / 1e4;
  }

  /** Why the anomaly has its severity, in one sentence. */
  static String verdict(double outside, long tolerated, String field, double mass, boolean misspelt) {
    if (misspelt) {
      return "A value that differs from an allowed one only in case or spaces is an error whatever its share.";
    }
    if (mass >= 1.0) {
      return "The schema allows none (" + field + " 1).";
    }
    return "The schema tolerates up to " + Text.percent(1.0 - mass) + " (" + field + " " + Text.number(mass)
        + ", " + tolerated + " values here), so this is "
        + (outside > tolerated ? "an error." : "only a warning.");
  }
}
