package io.tributary.transforms.monitor;

import java.io.Serializable;
import java.util.Locale;

/**
 * One thing a monitoring run found wrong in one log span of one model version.
 *
 * <p>{@link #id()} is stable: the same finding on the same span of the same version has the same
 * id in every run ({@code skew/penguin/1/202612072000/flipper_length_mm}), so a scheduler that
 * triggers on alerts can tell a new alert from one it has acted on already.
 *
 * @param id {@code <kind>/<model>/<version>/<span>/<feature or ->}, plus {@code /<check>} for schema alerts
 * @param model the served model's name
 * @param modelVersion the version that answered the logged requests
 * @param span the log span, {@code yyyyMMddHHmm}
 * @param kind what kind of finding
 * @param feature the feature (its original column name), {@code prediction} for prediction drift, the
 *     metric's name for a metric alert; null for a whole-span schema alert (e.g. empty span)
 * @param check what was measured: the distance ({@code kolmogorovSmirnov}), the anomaly type ({@code
 *     OUT_OF_RANGE}) or the metric ({@code accuracy})
 * @param measured the measured value (NaN when the check has none)
 * @param threshold the threshold it passed (NaN when the check has none)
 * @param description one sentence for people, with the figures
 */
public record Alert(
    String id, String model, long modelVersion, long span, AlertKind kind, String feature, String check,
    double measured, double threshold, String description) implements Serializable {

  /** Builds the alert with its stable id. */
  public static Alert of(String model, long modelVersion, long span, AlertKind kind, String feature, String check,
      double measured, double threshold, String description) {
    String id = String.join("/", kind.jsonName(), model, Long.toString(modelVersion), Long.toString(span),
        feature == null ? "-" : feature);
    if (kind == AlertKind.SCHEMA) {
      id = id + "/" + check;
    }
    return new Alert(id, model, modelVersion, span, kind, feature, check, measured, threshold, description);
  }

  /** One line for a terminal: {@code span 202612072100: skew flipper_length_mm kolmogorovSmirnov 0.61 > 0.25}. */
  public String line() {
    String figures = Double.isNaN(measured) ? "" : String.format(Locale.ROOT, " %.4g %s %.4g", measured,
        kind == AlertKind.METRIC && measured < threshold ? "<" : ">", threshold);
    return "span " + span + ": " + kind.jsonName() + " " + (feature == null ? "(span)" : feature) + " " + check + figures;
  }
}
