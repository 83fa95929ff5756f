package io.tributary.transforms.evaluate;

import io.tributary.transforms.inference.PredictionRows;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.schemas.Schema.TypeName;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/** See {@link Evaluate#regression}. */
public final class RegressionEvaluation extends PTransform<PCollection<Row>, PCollection<RegressionMetrics>> {

  private final String label;

  RegressionEvaluation(String label) {
    this.label = label;
  }

  @Override
  public PCollection<RegressionMetrics> expand(PCollection<Row> scored) {
    Evaluate.requireColumn(scored.getSchema(), label, "label", TypeName.DOUBLE, TypeName.FLOAT, TypeName.INT64, TypeName.INT32);
    Evaluate.requireColumn(scored.getSchema(), PredictionRows.PREDICTION, "prediction", TypeName.DOUBLE);
    return scored
        .apply("Metrics", Combine.globally(new MetricsFn(label)))
        .setCoder(SerializableCoder.of(RegressionMetrics.class));
  }

  private static final class MetricsFn extends Combine.CombineFn<Row, RegressionAccumulator, RegressionMetrics> {
    private final String label;

    MetricsFn(String label) {
      this.label = label;
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
    public RegressionAccumulator mergeAccumulators(Iterable<RegressionAccumulator> accumulators) {
      RegressionAccumulator merged = new RegressionAccumulator();
      accumulators.forEach(merged::merge);
      return merged;
    }

    @Override
    public RegressionMetrics extractOutput(RegressionAccumulator acc) {
      return acc.metrics();
    }

    @Override
    public Coder<RegressionAccumulator> getAccumulatorCoder(CoderRegistry registry, Coder<Row> input) {
      return SerializableCoder.of(RegressionAccumulator.class);
    }
  }
}
