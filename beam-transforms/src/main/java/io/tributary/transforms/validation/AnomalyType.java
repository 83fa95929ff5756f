package io.tributary.transforms.validation;

/**
 * The kinds of {@link Anomaly}, with their default {@link Severity}. The enum names are stable: they
 * are written to {@code anomalies.json} and may be matched by tools. {@code measured} and {@code
 * threshold} of each kind are described in {@code beam-transforms/docs/anomalies-format.md}.
 */
public enum AnomalyType {
  /** A feature of the schema has no column in the data. */
  MISSING_FEATURE(Severity.ERROR),
  /** The data has a column the schema does not list. */
  NEW_FEATURE(Severity.ERROR),
  /** The column's type differs from the schema's, e.g. numbers that arrived as text. */
  TYPE_MISMATCH(Severity.ERROR),
  /** The share of rows with a value is below the schema's minimum fraction. */
  LOW_PRESENCE(Severity.ERROR),
  /** No row has a value for the feature. */
  ALL_MISSING(Severity.ERROR),
  /** String values outside the schema's domain. */
  UNEXPECTED_VALUES(Severity.ERROR),
  /** Numeric values outside the schema's range. */
  OUT_OF_RANGE(Severity.ERROR),
  /** NaN values where the schema does not allow them. */
  NAN_NOT_ALLOWED(Severity.ERROR),
  /** The split has no example at all. */
  EMPTY_SPLIT(Severity.ERROR),
  /** The number of examples is outside the schema's bounds. */
  EXAMPLE_COUNT_OUT_OF_BOUNDS(Severity.ERROR),
  /** A distance between training and serving distributions is above its threshold. */
  SKEW(Severity.ERROR),
  /** A distance between the previous and this span's distributions is above its threshold. */
  DRIFT(Severity.WARNING);

  private final Severity defaultSeverity;

  AnomalyType(Severity defaultSeverity) {
    this.defaultSeverity = defaultSeverity;
  }

  public Severity defaultSeverity() {
    return defaultSeverity;
  }
}
