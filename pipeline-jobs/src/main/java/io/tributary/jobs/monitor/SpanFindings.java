package io.tributary.jobs.monitor;

import io.tributary.transforms.evaluate.Metrics;
import io.tributary.transforms.examples.ColumnNames;
import io.tributary.transforms.monitor.Alert;
import io.tributary.transforms.monitor.Alerts;
import io.tributary.transforms.monitor.LoggedStatistics;
import io.tributary.transforms.schema.DatasetSchema;
import io.tributary.transforms.statistics.DatasetStatistics;
import io.tributary.transforms.validation.Anomalies;
import io.tributary.transforms.validation.ExampleValidator;
import java.util.List;

/**
 * What the monitor found in one log span: the served inputs validated against the training schema
 * in the SERVING environment and compared with the training data (skew) and the previous span
 * (drift), the prediction column compared with the previous span's, the realized metrics, and the
 * alerts all that raised.
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

  static SpanFindings of(String model, long version, long span, DatasetSchema schema, DatasetStatistics training,
      DatasetStatistics previous, DatasetStatistics current, Metrics metrics, MetricThresholds thresholds,
      ColumnNames names) {
    ExampleValidator.Validation validation = ExampleValidator.validate(schema).inEnvironment(DatasetSchema.SERVING)
        .withSkewBaseline(training);
    if (previous != null) {
      validation = validation.withDriftBaseline(LoggedStatistics.inputs(previous, schema));
    }
    Anomalies served = validation.check(LoggedStatistics.inputs(current, schema));
    Anomalies predictions = previous != null && LoggedStatistics.hasPredictions(previous)
        && LoggedStatistics.hasPredictions(current) ? LoggedStatistics.predictionDrift(previous, current) : null;
    Alerts alerts = Alerts.of(model, version, span).withFeatureNames(names::original).fromValidation(served);
    if (predictions != null) {
      alerts.fromPredictionDrift(predictions);
    }
    if (metrics != null && metrics.examples() > 0) {
      Double accuracy = metrics.byName().get("accuracy");
      Double rmse = metrics.byName().get("rmse");
      if (thresholds.minAccuracy() != null && accuracy != null) {
        alerts.minimum("accuracy", accuracy, thresholds.minAccuracy());
      }
      if (thresholds.maxRmse() != null && rmse != null) {
        alerts.maximum("rmse", rmse, thresholds.maxRmse());
      }
    }
    return new SpanFindings(span, current.rowCount(), served, predictions, metrics, alerts.alerts());
  }
}
