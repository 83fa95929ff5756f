package io.tributary.transforms.monitor;

import io.tributary.transforms.validation.Anomalies;
import io.tributary.transforms.validation.Anomaly;
import io.tributary.transforms.validation.AnomalyType;
import io.tributary.transforms.validation.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The alerts of one log span, derived from what the validators and the evaluation found: one alert
 * per feature and kind, so a feature whose skew three distances see is one alert (the distance
 * furthest past its threshold, relative to it), and a WARNING is never an alert.
 *
 * <pre>{@code
 * List<Alert> alerts = Alerts.of("penguin", 1, 202612072100L)
 *     .withFeatureNames(columnNames::original)
 *     .fromValidation(servingAnomalies)        // SKEW, DRIFT and schema ERRORs
 *     .fromPredictionDrift(predictionAnomalies)
 *     .minimum("accuracy", 0.72, 0.8)           // realized accuracy below 0.8
 *     .alerts();
 * }</pre>
 */
public final class Alerts {

  private final String model;
  private final long version;
  private final long span;
  private final UnaryOperator<String> names;
  private final Map<String, Alert> alerts = new LinkedHashMap<>();

  private Alerts(String model, long version, long span, UnaryOperator<String> names) {
    this.model = model;
    this.version = version;
    this.span = span;
    this.names = names;
  }

  /** Alerts of span {@code span} of {@code model} version {@code version}. */
  public static Alerts of(String model, long version, long span) {
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("Alerts.of(): name the model");
    }
    return new Alerts(model, version, span, UnaryOperator.identity());
  }

  /** Names features in alerts by {@code rename} (e.g. {@code ColumnNames::original}); call first. */
  public Alerts withFeatureNames(UnaryOperator<String> rename) {
    if (!alerts.isEmpty()) {
      throw new IllegalStateException("withFeatureNames() must come before the findings");
    }
    return new Alerts(model, version, span, rename);
  }

  /**
   * The served features' anomalies: {@code SKEW} and {@code DRIFT} become skew and drift alerts,
   * any other ERROR a schema alert.
   */
  public Alerts fromValidation(Anomalies anomalies) {
    for (Anomaly a : anomalies.anomalies()) {
      if (a.severity() != Severity.ERROR && a.type() != AnomalyType.SKEW && a.type() != AnomalyType.DRIFT) {
        continue;
      }
      AlertKind kind = a.type() == AnomalyType.SKEW ? AlertKind.SKEW
          : a.type() == AnomalyType.DRIFT ? AlertKind.DRIFT : AlertKind.SCHEMA;
      add(kind, a);
    }
    return this;
  }

  /** The prediction column's {@code DRIFT} anomalies become prediction drift alerts. */
  public Alerts fromPredictionDrift(Anomalies anomalies) {
    anomalies.ofType(AnomalyType.DRIFT).forEach(a -> add(AlertKind.PREDICTION_DRIFT, a));
    return this;
  }

  /** A metric alert when {@code measured} is below {@code threshold} (accuracy, F1, AUC). */
  public Alerts minimum(String metric, double measured, double threshold) {
    if (measured < threshold) {
      put(Alert.of(model, version, span, AlertKind.METRIC, metric, metric, measured, threshold, String.format(Locale.ROOT,
          "Realized %s %.4g on the labelled requests of this span is below %.4g.", metric, measured, threshold)));
    }
    return this;
  }

  /** A metric alert when {@code measured} is above {@code threshold} (RMSE, MAE, log loss). */
  public Alerts maximum(String metric, double measured, double threshold) {
    if (measured > threshold) {
      put(Alert.of(model, version, span, AlertKind.METRIC, metric, metric, measured, threshold, String.format(Locale.ROOT,
          "Realized %s %.4g on the labelled requests of this span is above %.4g.", metric, measured, threshold)));
    }
    return this;
  }

  /** The alerts, in the order found. */
  public List<Alert> alerts() {
    return List.copyOf(alerts.values());
  }

  private void add(AlertKind kind, Anomaly anomaly) {
    String feature = anomaly.feature() == null ? null : names.apply(anomaly.feature());
    String check = anomaly.metric() != null ? anomaly.metric().jsonName() : anomaly.type().name();
    Alert alert = Alert.of(model, version, span, kind, feature, check, anomaly.measured(), anomaly.threshold(),
        anomaly.description());
    Alert earlier = alerts.get(alert.id());
    if (earlier == null || excess(alert) > excess(earlier)) {
      put(alert);
    }
  }

  private void put(Alert alert) {
    alerts.put(alert.id(), alert);
  }

  /** How far past its threshold, relative to it: what picks one distance of several. */
  private static double excess(Alert alert) {
    return alert.threshold() > 0 ? alert.measured() / alert.threshold() : alert.measured();
  }
}
