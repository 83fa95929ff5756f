package io.tributary.transforms.monitor;

import io.tributary.transforms.inference.PredictionRows;
import io.tributary.transforms.schema.DatasetSchema;
import io.tributary.transforms.schema.FeatureSchema;
import io.tributary.transforms.statistics.DatasetStatistics;
import io.tributary.transforms.statistics.FeatureStatistics;
import io.tributary.transforms.statistics.SliceStatistics;
import io.tributary.transforms.validation.Anomalies;
import io.tributary.transforms.validation.AnomalyType;
import io.tributary.transforms.validation.ExampleValidator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The statistics of a log span, computed once over every logged column by {@code
 * Statistics.generate()}, seen two ways: the served inputs (the columns the training schema lists),
 * which are validated and compared with training data and the previous span, and the {@code
 * prediction} column, whose drift between spans is prediction drift. The request columns ({@code
 * request_id}, {@code model_version}, ...) are neither, so they never raise a "new feature".
 *
 * <pre>{@code
 * DatasetStatistics span = StatisticsJson.read(file);
 * Anomalies served = ExampleValidator.validate(schema).inEnvironment("SERVING")
 *     .withSkewBaseline(training).check(LoggedStatistics.inputs(span, schema));
 * Anomalies predictions = LoggedStatistics.predictionDrift(previousSpan, span);
 * }</pre>
 */
public final class LoggedStatistics {

  private LoggedStatistics() {}

  /** The statistics of the features {@code schema} lists (the served inputs); other columns left out. */
  public static DatasetStatistics inputs(DatasetStatistics span, DatasetSchema schema) {
    Set<String> features = Set.copyOf(schema.features().stream().map(FeatureSchema::name).toList());
    return keep(span, features::contains);
  }

  /** Whether the span's statistics have the {@code prediction} column. */
  public static boolean hasPredictions(DatasetStatistics span) {
    return span.overall().features().stream().anyMatch(f -> f.name().equals(PredictionRows.PREDICTION));
  }

  /**
   * The drift of the {@code prediction} column from {@code previous} to {@code current}, measured
   * as ExampleValidator measures a feature's drift (every distance that applies, with its
   * sample-size-aware default threshold). Only {@code DRIFT} anomalies are kept.
   *
   * @throws IllegalArgumentException if either side has no {@code prediction} column
   */
  public static Anomalies predictionDrift(DatasetStatistics previous, DatasetStatistics current) {
    for (DatasetStatistics side : List.of(previous, current)) {
      if (!hasPredictions(side)) {
        throw new IllegalArgumentException("the statistics of " + side.split()
            + " have no 'prediction' column: give statistics of a request log span");
      }
    }
    FeatureStatistics predicted = current.feature(PredictionRows.PREDICTION);
    DatasetSchema schema = DatasetSchema.builder()
        .setFeatures(List.of(FeatureSchema.builder(PredictionRows.PREDICTION, predicted.type()).build()))
        .build();
    Predicate<String> prediction = PredictionRows.PREDICTION::equals;
    Anomalies all = ExampleValidator.validate(schema)
        .withDriftBaseline(keep(previous, prediction))
        .check(keep(current, prediction));
    return Anomalies.of(all.dataset(), all.split(), all.environment(), all.ofType(AnomalyType.DRIFT), all.distances());
  }

  private static DatasetStatistics keep(DatasetStatistics statistics, Predicate<String> feature) {
    return DatasetStatistics.of(statistics.name(), statistics.split(), statistics.weightColumn(), statistics.options(),
        keep(statistics.overall(), feature), statistics.slices().stream().map(s -> keep(s, feature)).toList());
  }

  private static SliceStatistics keep(SliceStatistics slice, Predicate<String> feature) {
    return SliceStatistics.of(slice.column(), slice.value(), slice.rowCount(), slice.weightedRowCount(),
        slice.features().stream().filter(f -> feature.test(f.name())).toList());
  }
}
