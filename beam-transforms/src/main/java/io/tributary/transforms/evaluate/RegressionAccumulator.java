package io.tributary.transforms.evaluate;

import java.io.Serializable;

/** The mergeable state of a regression evaluation: counts and sums of errors and labels. */
public final class RegressionAccumulator implements Serializable {

  private static final long serialVersionUID = 1L;

  private long examples;
  private long unlabelled;
  private double absoluteErrorSum;
  private double squaredErrorSum;
  private double labelSum;
  private double labelSquareSum;

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
    labelSum += label;
    labelSquareSum += label * label;
  }

  public RegressionAccumulator merge(RegressionAccumulator other) {
    examples += other.examples;
    unlabelled += other.unlabelled;
    absoluteErrorSum += other.absoluteErrorSum;
    squaredErrorSum += other.squaredErrorSum;
    labelSum += other.labelSum;
    labelSquareSum += other.labelSquareSum;
    return this;
  }

  public RegressionMetrics metrics() {
    if (examples == 0) {
      return new RegressionMetrics(0, unlabelled, 0, 0, 0);
    }
    double totalSquares = labelSquareSum - labelSum * labelSum / examples;
    double r2 = totalSquares <= 0 ? 0 : 1 - squaredErrorSum / totalSquares;
    return new RegressionMetrics(
        examples, unlabelled, Math.sqrt(squaredErrorSum / examples), absoluteErrorSum / examples, r2);
  }
}
