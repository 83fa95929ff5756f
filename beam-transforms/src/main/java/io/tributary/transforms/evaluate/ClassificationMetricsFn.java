package io.tributary.transforms.evaluate;

import io.tributary.transforms.inference.PredictionRows;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.TypeName;
import org.apache.beam.sdk.values.Row;

/** Classification: the label (any type, compared as text), {@code prediction} and, when present, {@code probabilities}. */
final class ClassificationMetricsFn extends MetricsFn<ConfusionAccumulator, ClassificationMetrics> {
  private static final long serialVersionUID = 1L;

  private final String label;
  private final String positiveClass;

  /** @param positiveClass the class whose AUCs are the whole-slice ones when there are two, or null */
  ClassificationMetricsFn(String label, String positiveClass) {
    this.label = label;
    this.positiveClass = positiveClass;
  }

  @Override
  void checkColumns(Schema scored) {
    Evaluate.requireColumn(scored, label, "label", TypeName.STRING, TypeName.BOOLEAN, TypeName.INT32, TypeName.INT64);
    Evaluate.requireColumn(scored, PredictionRows.PREDICTION, "prediction", TypeName.STRING);
  }

  @Override
  public ConfusionAccumulator createAccumulator() {
    return new ConfusionAccumulator();
  }

  @Override
  public ConfusionAccumulator addInput(ConfusionAccumulator acc, Row row) {
    Object value = row.getValue(label);
    Map<String, Double> scores =
        row.getSchema().hasField(PredictionRows.PROBABILITIES) ? row.getMap(PredictionRows.PROBABILITIES) : null;
    acc.add(value == null ? null : String.valueOf(value), row.getString(PredictionRows.PREDICTION), scores);
    return acc;
  }

  @Override
  void merge(ConfusionAccumulator into, ConfusionAccumulator from) {
    into.merge(from);
  }

  @Override
  public ClassificationMetrics extractOutput(ConfusionAccumulator acc) {
    return acc.metrics(positiveClass);
  }

  @Override
  Coder<ConfusionAccumulator> accumulatorCoder() {
    return ConfusionAccumulatorCoder.of();
  }

  @Override
  Coder<ClassificationMetrics> metricsCoder() {
    return MetricsCoder.of(ClassificationMetrics.class);
  }
}
