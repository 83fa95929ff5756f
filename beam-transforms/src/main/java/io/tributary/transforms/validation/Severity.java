package io.tributary.transforms.validation;

/** How bad an {@link Anomaly} is: an {@link #ERROR} should stop the pipeline, a {@link #WARNING} not. */
public enum Severity {
  ERROR,
  WARNING
}
