package io.tributary.transforms.monitor;

import io.tributary.transforms.examples.ColumnNames;
import io.tributary.transforms.schema.DatasetSchema;
import io.tributary.transforms.statistics.DatasetStatistics;
import io.tributary.transforms.validation.Anomalies;
import io.tributary.transforms.validation.ExampleValidator;
import java.io.Serializable;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What the statistics of one log span show: the served inputs validated against the training
 * schema in the SERVING environment and compared with the training data (skew) and the previous
 * span (drift), the {@code prediction} column compared with the previous span's, and the alerts.
 * The same check runs in a pipeline ({@link Monitor}) and on statistics read from files.
 *
 * <pre>{@code
 * SpanCheck check = SpanCheck.of("penguin", 1, 202612072100L, schema, training, previousSpan, thisSpan, names);
 * check.alerts();
 * }</pre>
 *
 * @param span the span number
 * @param rows logged requests (instances) in the span
 * @param served the served inputs' anomalies and distances (skew, and drift when there is a previous span)
 * @param predictionDrift the prediction column's drift, or null without a previous span
 * @param alerts what is past its threshold ({@link Alerts})
 */
public record SpanCheck(long span, long rows, Anomalies served, @Nullable Anomalies predictionDrift, List<Alert> alerts)
    implements Serializable {

  public SpanCheck {
    alerts = List.copyOf(alerts);
  }

  /**
   * Checks {@code current}, the statistics of every logged column of a span ({@code
   * Statistics.generate()} of the logged rows).
   *
   * @param schema the training schema, with a SERVING environment, holding only features the log has
   * @param training the statistics of the split the model was trained on
   * @param previous the previous span's statistics, or null for none (no drift is measured)
   * @param names the columns' original names, for the alerts
   */
  public static SpanCheck of(String model, long version, long span, DatasetSchema schema, DatasetStatistics training,
      @Nullable DatasetStatistics previous, DatasetStatistics current, ColumnNames names) {
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
    return new SpanCheck(span, current.rowCount(), served, predictions, alerts.alerts());
  }
}
