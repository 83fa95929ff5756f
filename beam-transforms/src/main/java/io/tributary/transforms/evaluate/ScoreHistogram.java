package io.tributary.transforms.evaluate;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The scores one class got, split by whether the row was of that class, in {@value #BUCKETS}
 * equal-width buckets over [0, 1]: what a one-vs-rest ROC AUC needs, in bounded, mergeable space
 * (at most {@value #BUCKETS} + 1 buckets, stored sparsely).
 *
 * <p>The ROC AUC is the probability that a random positive row scores above a random negative one,
 * ties counting half (Mann-Whitney). The PR AUC is the average precision: the precision at each
 * score, from the highest down, weighted by the share of the positives first reached there
 * (scikit-learn's {@code average_precision_score}, no interpolation). Scores in the same bucket count as ties, so the result is
 * exact when positives and negatives never share a bucket and off by at most the share of pairs
 * that do otherwise; it does not depend on the order rows arrive or how partial histograms merge.
 */
final class ScoreHistogram {

  /** As TFMA's default {@code num_thresholds}: scores are compared to 1/10,000. */
  static final int BUCKETS = 10_000;

  /** Bucket to {positives, negatives}. */
  private final TreeMap<Integer, long[]> buckets = new TreeMap<>();

  void add(double score, boolean positive) {
    double clamped = Double.isNaN(score) ? 0 : Math.min(1, Math.max(0, score));
    buckets.computeIfAbsent((int) Math.floor(clamped * BUCKETS), b -> new long[2])[positive ? 0 : 1]++;
  }

  void merge(ScoreHistogram other) {
    other.buckets.forEach((bucket, counts) -> {
      long[] mine = buckets.computeIfAbsent(bucket, b -> new long[2]);
      mine[0] += counts[0];
      mine[1] += counts[1];
    });
  }

  /** The ROC AUC, or null when there are no positive or no negative rows (it is undefined). */
  Double auc() {
    long positives = 0;
    long negatives = 0;
    for (long[] counts : buckets.values()) {
      positives += counts[0];
      negatives += counts[1];
    }
    if (positives == 0 || negatives == 0) {
      return null;
    }
    double pairsWon = 0;
    long negativesBelow = 0;
    for (long[] counts : buckets.values()) {
      pairsWon += counts[0] * (negativesBelow + 0.5 * counts[1]);
      negativesBelow += counts[1];
    }
    return pairsWon / ((double) positives * negatives);
  }

  /**
   * The PR AUC (average precision): the sum over the scores, from the highest down, of the
   * precision of "score at least this" times the share of the positives that score exactly this.
   * Null when there are no positive rows; a constant score gives the positives' share.
   */
  Double averagePrecision() {
    long positives = 0;
    for (long[] counts : buckets.values()) {
      positives += counts[0];
    }
    if (positives == 0) {
      return null;
    }
    double sum = 0;
    long truePositives = 0;
    long reached = 0;
    for (long[] counts : buckets.descendingMap().values()) {
      truePositives += counts[0];
      reached += counts[0] + counts[1];
      sum += counts[0] * ((double) truePositives / reached);
    }
    return sum / positives;
  }

  void write(DataOutputStream out) throws IOException {
    out.writeInt(buckets.size());
    for (Map.Entry<Integer, long[]> bucket : buckets.entrySet()) {
      out.writeInt(bucket.getKey());
      out.writeLong(bucket.getValue()[0]);
      out.writeLong(bucket.getValue()[1]);
    }
  }

  static ScoreHistogram read(DataInputStream in) throws IOException {
    ScoreHistogram histogram = new ScoreHistogram();
    int size = in.readInt();
    for (int i = 0; i < size; i++) {
      histogram.buckets.put(in.readInt(), new long[] {in.readLong(), in.readLong()});
    }
    return histogram;
  }
}
