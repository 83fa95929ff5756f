package io.tributary.transforms.validation;

/** Which two datasets a distance compares. */
public enum Comparison {
  /** Training data (the baseline) against serving data. */
  SKEW,
  /** The previous span (the baseline) against this span. */
  DRIFT
}
