package io.tributary.transforms.evaluate;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The mergeable state of a classification evaluation: the confusion counts, the log-loss sum and,
 * per class the model scores, a {@link ScoreHistogram} for its ROC AUC. Merging partial
 * accumulators gives exactly the counts and histograms of one pass; the log-loss sum may differ in
 * the last digits. {@link ConfusionAccumulatorCoder} encodes it.
 */
public final class ConfusionAccumulator {

  static final double MIN_PROBABILITY = 1e-15;

  private final TreeMap<String, TreeMap<String, Long>> confusion = new TreeMap<>();
  private final TreeMap<String, ScoreHistogram> scores = new TreeMap<>();
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
      probabilities.forEach(
          (c, score) -> scores.computeIfAbsent(c, k -> new ScoreHistogram()).add(score == null ? 0 : score, c.equals(label)));
    }
  }

  /** Adds {@code other}'s counts to this one. */
  public ConfusionAccumulator merge(ConfusionAccumulator other) {
    other.confusion.forEach(
        (label, row) -> row.forEach((predicted, n) -> confusion.computeIfAbsent(label, k -> new TreeMap<>()).merge(predicted, n, Long::sum)));
    other.scores.forEach((c, histogram) -> scores.computeIfAbsent(c, k -> new ScoreHistogram()).merge(histogram));
    examples += other.examples;
    unlabelled += other.unlabelled;
    logLossSum += other.logLossSum;
    withProbabilities += other.withProbabilities;
    return this;
  }

  /** As {@link #metrics(String)} with the default positive class. */
  public ClassificationMetrics metrics() {
    return metrics(null);
  }

  /**
   * Accuracy, per-class and macro precision/recall/F1, log loss, ROC and PR AUC and the confusion
   * matrix so far.
   *
   * @param positiveClass with two scored classes, the one whose AUCs are the whole-slice ones;
   *     null (or a class not scored): the second in sorted order
   */
  public ClassificationMetrics metrics(String positiveClass) {
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
      ScoreHistogram histogram = scores.get(c);
      perClass.put(c, new ClassMetrics(
          precision, recall, f1, support, histogram == null ? null : histogram.auc(),
          histogram == null ? null : histogram.averagePrecision()));
      right += truePositives;
      precisionSum += precision;
      recallSum += recall;
      f1Sum += f1;
    }
    int k = Math.max(classes.size(), 1);
    Map<String, Map<String, Long>> counts = new TreeMap<>();
    confusion.forEach((label, row) -> counts.put(label, new TreeMap<>(row)));
    String positive = positiveOf(positiveClass);
    return new ClassificationMetrics(
        examples, unlabelled, ratio(right, examples), precisionSum / k, recallSum / k, f1Sum / k,
        withProbabilities == 0 ? null : logLossSum / withProbabilities,
        wholeSlice(positive, ScoreHistogram::auc), wholeSlice(positive, ScoreHistogram::averagePrecision), positive,
        new ArrayList<>(classes), perClass, counts);
  }

  /** With two scored classes, {@code wanted} if it is one of them, else the second; otherwise null. */
  private String positiveOf(String wanted) {
    if (scores.size() != 2) {
      return null;
    }
    return wanted != null && scores.containsKey(wanted) ? wanted : scores.lastKey();
  }

  /** Binary: the positive class's value; more classes: the mean of the defined one-vs-rest values. */
  private Double wholeSlice(String positive, Function<ScoreHistogram, Double> metric) {
    if (positive != null) {
      return metric.apply(scores.get(positive));
    }
    List<Double> defined = scores.values().stream().map(metric).filter(Objects::nonNull).toList();
    return defined.isEmpty() ? null : defined.stream().mapToDouble(Double::doubleValue).sum() / defined.size();
  }

  private long cell(String label, String predicted) {
    TreeMap<String, Long> row = confusion.get(label);
    return row == null ? 0 : row.getOrDefault(predicted, 0L);
  }

  private static double ratio(long numerator, long denominator) {
    return denominator == 0 ? 0.0 : (double) numerator / denominator;
  }

  void write(DataOutputStream out) throws IOException {
    out.writeLong(examples);
    out.writeLong(unlabelled);
    out.writeDouble(logLossSum);
    out.writeLong(withProbabilities);
    out.writeInt(confusion.size());
    for (Map.Entry<String, TreeMap<String, Long>> row : confusion.entrySet()) {
      DataStreamCoder.writeString(out, row.getKey());
      out.writeInt(row.getValue().size());
      for (Map.Entry<String, Long> cell : row.getValue().entrySet()) {
        DataStreamCoder.writeString(out, cell.getKey());
        out.writeLong(cell.getValue());
      }
    }
    out.writeInt(scores.size());
    for (Map.Entry<String, ScoreHistogram> histogram : scores.entrySet()) {
      DataStreamCoder.writeString(out, histogram.getKey());
      histogram.getValue().write(out);
    }
  }

  static ConfusionAccumulator read(DataInputStream in) throws IOException {
    ConfusionAccumulator acc = new ConfusionAccumulator();
    acc.examples = in.readLong();
    acc.unlabelled = in.readLong();
    acc.logLossSum = in.readDouble();
    acc.withProbabilities = in.readLong();
    int labels = in.readInt();
    for (int i = 0; i < labels; i++) {
      TreeMap<String, Long> row = acc.confusion.computeIfAbsent(DataStreamCoder.readString(in), k -> new TreeMap<>());
      int cells = in.readInt();
      for (int j = 0; j < cells; j++) {
        row.put(DataStreamCoder.readString(in), in.readLong());
      }
    }
    int classes = in.readInt();
    for (int i = 0; i < classes; i++) {
      acc.scores.put(DataStreamCoder.readString(in), ScoreHistogram.read(in));
    }
    return acc;
  }
}
