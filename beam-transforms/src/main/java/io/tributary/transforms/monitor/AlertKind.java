package io.tributary.transforms.monitor;

/**
 * What an {@link Alert} is about. {@link #jsonName()} is the stable name written to {@code
 * alerts.json}, which schedulers match.
 */
public enum AlertKind {
  /** A served feature's distribution is far from the training data's (training–serving skew). */
  SKEW("skew"),
  /** A served feature's distribution moved from the previous span's. */
  DRIFT("drift"),
  /** The served data breaks the training schema in the SERVING environment (an ERROR anomaly). */
  SCHEMA("schema"),
  /** The distribution of the model's predictions moved from the previous span's. */
  PREDICTION_DRIFT("prediction_drift"),
  /** A realized metric (from ground truth joined later) is past its threshold. */
  METRIC("metric");

  private final String jsonName;

  AlertKind(String jsonName) {
    this.jsonName = jsonName;
  }

  public String jsonName() {
    return jsonName;
  }

  /** The kind of a {@link #jsonName()}; fails naming the known ones. */
  public static AlertKind fromJsonName(String name) {
    for (AlertKind kind : values()) {
      if (kind.jsonName.equals(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown alert kind '" + name + "': one of skew, drift, schema, prediction_drift, metric");
  }
}
