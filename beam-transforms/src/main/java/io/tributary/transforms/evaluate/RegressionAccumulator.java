package io.tributary.transforms.evaluate;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The mergeable state of a regression evaluation: counts, sums of errors, and the labels' mean and
 * sum of squared deviations (updated and merged the numerically stable way of Welford and Chan,
 * so R² stays right for labels far from 0, such as body masses in grams). {@link
 * RegressionAccumulatorCoder} encodes it.
 */
public final class RegressionAccumulator {

  private long examples;
  private long unlabelled;
  private double absoluteErrorSum;
  private double squaredErrorSum;
  private double labelMean;
  private double labelDeviationSquares;

  /** Adds one scored row: its label (null when missing) and the predicted value. */
  public void add(Double label, double predicted) {
    if (label == null) {
      unlabelled++;
      return;
    }
    double error = predicted - label;
    examples++;
    absoluteErrorSum += Math.abs(error);
    squaredErrorSum += error * error;
    double delta = label - labelMean;
    labelMean += delta / examples;
    labelDeviationSquares += delta * (label - labelMean);
  }

  public RegressionAccumulator merge(RegressionAccumulator other) {
    long total = examples + other.examples;
    if (total > 0) {
      double delta = other.labelMean - labelMean;
      labelDeviationSquares += other.labelDeviationSquares + delta * delta * examples * other.examples / total;
      labelMean += delta * other.examples / total;
    }
    examples = total;
    unlabelled += other.unlabelled;
    absoluteErrorSum += other.absoluteErrorSum;
    squaredErrorSum += other.squaredErrorSum;
    return this;
  }

  /** RMSE, MAE and R² of the rows added so far. */
  public RegressionMetrics metrics() {
    if (examples == 0) {
      return new RegressionMetrics(0, unlabelled, 0, 0, 0, 0);
    }
    double r2 = labelDeviationSquares <= 0 ? 0 : 1 - squaredErrorSum / labelDeviationSquares;
    return new RegressionMetrics(
        examples, unlabelled, Math.sqrt(squaredErrorSum / examples), absoluteErrorSum / examples, r2,
        Math.sqrt(Math.max(0, labelDeviationSquares) / examples));
  }

  void write(DataOutputStream out) throws IOException {
    out.writeLong(examples);
    out.writeLong(unlabelled);
    out.writeDouble(absoluteErrorSum);
    out.writeDouble(squaredErrorSum);
    out.writeDouble(labelMean);
    out.writeDouble(labelDeviationSquares);
  }

  static RegressionAccumulator read(DataInputStream in) throws IOException {
    RegressionAccumulator acc = new RegressionAccumulator();
    acc.examples = in.readLong();
    acc.unlabelled = in.readLong();
    acc.absoluteErrorSum = in.readDouble();
    acc.squaredErrorSum = in.readDouble();
    acc.labelMean = in.readDouble();
    acc.labelDeviationSquares = in.readDouble();
    return acc;
  }
}
