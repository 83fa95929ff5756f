package io.tributary.transforms.evaluate;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The mergeable state of a classification evaluation: the confusion counts and the log-loss sum.
 * Merging partial accumulators gives exactly the counts of one pass; the log-loss sum may differ
 * in the last digits.
 */
public final class ConfusionAccumulator implements Serializable {

  private static final long serialVersionUID = 1L;
  static final double MIN_PROBABILITY = 1e-15;

  private final TreeMap<String, TreeMap<String, Long>> confusion = new TreeMap<>();
  private long examples;
  private long unlabelled;
  private double logLossSum;
  private long withProbabilities;

  /** Adds one scored row: its label (null when missing), prediction and class probabilities (may be null). */
  public void add(String label, String predicted, Map<String, Double> probabilities) {
    if (label == null) {
      unlabelled++;
      return;
    }
    examples++;
    confusion.computeIfAbsent(label, k -> new TreeMap<>()).merge(predicted, 1L, Long::sum);
    if (probabilities != null && !probabilities.isEmpty()) {
      Double p = probabilities.get(label);
      logLossSum -= Math.log(Math.max(p == null ? 0.0 : p, MIN_PROBABILITY));
      withProbabilities++;
    }
  }

  /** Adds {@code other}'s counts to this one. */
  public ConfusionAccumulator merge(ConfusionAccumulator other) {
    other.confusion.forEach(
        (label, row) -> row.forEach((predicted, n) -> confusion.computeIfAbsent(label, k -> new TreeMap<>()).merge(predicted, n, Long::sum)));
    examples += other.examples;
    unlabelled += other.unlabelled;
    logLossSum += other.logLossSum;
    withProbabilities += other.withProbabilities;
    return this;
  }

  public ClassificationMetrics metrics() {
    TreeSet<String> classes = new TreeSet<>(confusion.keySet());
    confusion.values().forEach(row -> classes.addAll(row.keySet()));
    Map<String, ClassMetrics> perClass = new TreeMap<>();
    long right = 0;
    double precisionSum = 0;
    double recallSum = 0;
    double f1Sum = 0;
    for (String c : classes) {
      long truePositives = cell(c, c);
      long predictedAs = 0;
      for (TreeMap<String, Long> row : confusion.values()) {
        predictedAs += row.getOrDefault(c, 0L);
      }
      long support = confusion.getOrDefault(c, new TreeMap<>()).values().stream().mapToLong(Long::longValue).sum();
      double precision = ratio(truePositives, predictedAs);
      double recall = ratio(truePositives, support);
      double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      perClass.put(c, new ClassMetrics(precision, recall, f1, support));
      right += truePositives;
      precisionSum += precision;
      recallSum += recall;
      f1Sum += f1;
    }
    int k = Math.max(classes.size(), 1);
    Map<String, Map<String, Long>> counts = new TreeMap<>();
    confusion.forEach((label, row) -> counts.put(label, Map.copyOf(row)));
    return new ClassificationMetrics(
        examples, unlabelled, ratio(right, examples), precisionSum / k, recallSum / k, f1Sum / k,
        withProbabilities == 0 ? null : logLossSum / withProbabilities, new ArrayList<>(classes), perClass, counts);
  }

  private long cell(String label, String predicted) {
    TreeMap<String, Long> row = confusion.get(label);
    return row == null ? 0 : row.getOrDefault(predicted, 0L);
  }

  private static double ratio(long numerator, long denominator) {
    return denominator == 0 ? 0.0 : (double) numerator / denominator;
  }
}
