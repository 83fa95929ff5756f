package io.tributary.transforms.validation;

/**
 * Critical values of the tests behind the default thresholds of skew and drift detection, at the
 * significance level {@value #ALPHA} per feature and metric: under the hypothesis that both samples
 * come from the same distribution, a default threshold is exceeded with probability at most about
 * {@value #ALPHA} (asymptotically).
 */
final class CriticalValues {
  static final double ALPHA = 0.001;

  private CriticalValues() {}

  /** The standard normal quantile at probability {@code p} (Acklam's rational approximation, relative error 1.2e-9). */
  static double normalQuantile(double p) {
    if (!(p > 0.0 && p < 1.0)) {
      throw new IllegalArgumentException("probability must be in (0, 1), not " + p);
    }
    if (p < 0.02425) {
      return tail(Math.sqrt(-2.0 * Math.log(p)));
    }
    if (p > 1.0 - 0.02425) {
      return -tail(Math.sqrt(-2.0 * Math.log(1.0 - p)));
    }
    double q = p - 0.5;
    double r = q * q;
    return (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r
                        + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * q
        / (((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r
                    + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1.0);
  }

  private static double tail(double q) {
    return (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
                    - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00)
        / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
                + 3.754408661907416e+00) * q + 1.0);
  }

  /** The chi-square quantile at probability {@code p} with {@code df} degrees of freedom (Wilson-Hilferty). */
  static double chiSquareQuantile(double p, int df) {
    double k = Math.max(1, df);
    double h = 2.0 / (9.0 * k);
    double cube = 1.0 - h + normalQuantile(p) * Math.sqrt(h);
    return k * cube * cube * cube;
  }

  /**
   * The critical value of a statistic that is {@code chi2(bins - 1) × (1/n + 1/m) × scale} under
   * the null hypothesis: Pearson's homogeneity statistic of two samples, rescaled.
   */
  static double chiSquareBound(int bins, long n, long m, double scale) {
    return chiSquareQuantile(1.0 - ALPHA, bins - 1) * (1.0 / n + 1.0 / m) * scale;
  }

  /** The Kolmogorov-Smirnov coefficient {@code c(alpha) = sqrt(-ln(alpha / 2) / 2)}. */
  static double ksCoefficient() {
    return Math.sqrt(-Math.log(ALPHA / 2.0) / 2.0);
  }
}
