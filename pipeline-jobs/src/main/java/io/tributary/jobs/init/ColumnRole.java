package io.tributary.jobs.init;

/** What the starter transform does with a column. */
public enum ColumnRole {
  /** The label: passed through unchanged. */
  LABEL("label"),
  /** Missing values get the train mean, then a z-score. */
  NUMERIC("numeric"),
  /** A vocabulary of the frequent train values, then one-hot. */
  CATEGORICAL("categorical"),
  /** Dropped: (nearly) unique per row, so nothing to learn from. */
  ID("dropped: id"),
  /** Dropped: dates have no Transform step yet. */
  DATE("dropped: date"),
  /** Dropped: free text, too varied for a vocabulary. */
  TEXT("dropped: text"),
  /** Dropped: one value in every row. */
  CONSTANT("dropped: constant"),
  /** Dropped: missing in every row. */
  EMPTY("dropped: empty");

  private final String label;

  ColumnRole(String label) {
    this.label = label;
  }

  /** How init prints the decision, e.g. {@code dropped: id}. */
  public String label() {
    return label;
  }

  /** True when the column becomes a model feature. */
  public boolean isFeature() {
    return this == NUMERIC || this == CATEGORICAL;
  }
}
