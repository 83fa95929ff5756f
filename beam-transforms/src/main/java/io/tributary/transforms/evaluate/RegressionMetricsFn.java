package io.tributary.transforms.evaluate;

import io.tributary.transforms.inference.PredictionRows;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.TypeName;
import org.apache.beam.sdk.values.Row;

/** Regression: a numeric label and a DOUBLE {@code prediction}. */
final class RegressionMetricsFn extends MetricsFn<RegressionAccumulator, RegressionMetrics> {
  private static final long serialVersionUID = 1L;

  private final String label;

  RegressionMetricsFn(String label) {
    this.label = label;
  }

  @Override
  void checkColumns(Schema scored) {
    Evaluate.requireColumn(scored, label, "label", TypeName.DOUBLE, TypeName.FLOAT, TypeName.INT64, TypeName.INT32);
    Evaluate.requireColumn(scored, PredictionRows.PREDICTION, "prediction", TypeName.DOUBLE);
  }

  @Override
  public RegressionAccumulator createAccumulator() {
    return new RegressionAccumulator();
  }

  @Override
  public RegressionAccumulator addInput(RegressionAccumulator acc, Row row) {
    Number value = (Number) row.getValue(label);
    acc.add(value == null ? null : value.doubleValue(), row.getDouble(PredictionRows.PREDICTION));
    return acc;
  }

  @Override
  void merge(RegressionAccumulator into, RegressionAccumulator from) {
    into.merge(from);
  }

  @Override
  public RegressionMetrics extractOutput(RegressionAccumulator acc) {
    return acc.metrics();
  }

  @Override
  Coder<RegressionAccumulator> accumulatorCoder() {
    return RegressionAccumulatorCoder.of();
  }

  @Override
  Coder<RegressionMetrics> metricsCoder() {
    return MetricsCoder.of(RegressionMetrics.class);
  }
}
