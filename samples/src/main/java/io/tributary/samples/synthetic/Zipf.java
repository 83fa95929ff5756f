package io.tributary.samples.synthetic;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws ranks 0..n-1 with probability proportional to 1/(rank+1)^s: a few values are very common
 * and most are rare, as with real categorical data.
 */
final class Zipf {

  private final double[] cumulative;

  Zipf(int n, double exponent) {
    cumulative = new double[n];
    double total = 0;
    for (int rank = 0; rank < n; rank++) {
      total += 1.0 / Math.pow(rank + 1, exponent);
      cumulative[rank] = total;
    }
    for (int rank = 0; rank < n; rank++) {
      cumulative[rank] /= total;
    }
  }

  int next(SplittableRandom random) {
    int index = Arrays.binarySearch(cumulative, random.nextDouble());
    return Math.min(index < 0 ? -index - 1 : index, cumulative.length - 1);
  }
}
