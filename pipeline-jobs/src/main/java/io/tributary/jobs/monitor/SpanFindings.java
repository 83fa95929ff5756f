package io.tributary.jobs.monitor;

import io.tributary.transforms.evaluate.Metrics;
import io.tributary.transforms.monitor.Alert;
import io.tributary.transforms.monitor.Alerts;
import io.tributary.transforms.monitor.SpanCheck;
import io.tributary.transforms.validation.Anomalies;
import java.util.ArrayList;
import java.util.List;

/**
 * What the monitor found in one log span: the {@link SpanCheck} of its statistics (validation,
 * skew, drift, prediction drift) and the realized metrics of its labelled requests, with the
 * alerts of both.
 *
 * @param span the span number
 * @param rows logged requests (instances) in the span
 * @param served the served inputs' anomalies and distances (skew, and drift when there is a previous span)
 * @param predictionDrift the prediction column's drift, or null without a previous span
 * @param metrics realized metrics from joined labels, or null without labels for this span
 * @param alerts what is past its threshold
 */
public record SpanFindings(
    long span, long rows, Anomalies served, Anomalies predictionDrift, Metrics metrics, List<Alert> alerts) {

  /** The thresholds realized metrics are held to: null for none. */
  public record MetricThresholds(Double minAccuracy, Double maxRmse) {}

  static SpanFindings of(String model, long version, SpanCheck check, Metrics metrics, MetricThresholds thresholds) {
    List<Alert> alerts = new ArrayList<>(check.alerts());
    if (metrics != null && metrics.examples() > 0) {
      Alerts realized = Alerts.of(model, version, check.span());
      Double accuracy = metrics.byName().get("accuracy");
      Double rmse = metrics.byName().get("rmse");
      if (thresholds.minAccuracy() != null && accuracy != null) {
        realized.minimum("accuracy", accuracy, thresholds.minAccuracy());
      }
      if (thresholds.maxRmse() != null && rmse != null) {
        realized.maximum("rmse", rmse, thresholds.maxRmse());
      }
      alerts.addAll(realized.alerts());
    }
    return new SpanFindings(check.span(), check.rows(), check.served(), check.predictionDrift(), metrics, alerts);
  }
}
