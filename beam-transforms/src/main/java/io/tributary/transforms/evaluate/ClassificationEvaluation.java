package io.tributary.transforms.evaluate;

import io.tributary.transforms.inference.PredictionRows;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.TypeName;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/** See {@link Evaluate#classification}. */
public final class ClassificationEvaluation extends PTransform<PCollection<Row>, PCollection<ClassificationMetrics>> {

  private final String label;

  ClassificationEvaluation(String label) {
    this.label = label;
  }

  @Override
  public PCollection<ClassificationMetrics> expand(PCollection<Row> scored) {
    Schema schema = scored.getSchema();
    Evaluate.requireColumn(schema, label, "label", TypeName.STRING, TypeName.BOOLEAN, TypeName.INT32, TypeName.INT64);
    Evaluate.requireColumn(schema, PredictionRows.PREDICTION, "prediction", TypeName.STRING);
    boolean probabilities = schema.hasField(PredictionRows.PROBABILITIES);
    return scored
        .apply("Metrics", Combine.globally(new MetricsFn(label, probabilities)))
        .setCoder(SerializableCoder.of(ClassificationMetrics.class));
  }

  private static final class MetricsFn extends Combine.CombineFn<Row, ConfusionAccumulator, ClassificationMetrics> {
    private final String label;
    private final boolean probabilities;

    MetricsFn(String label, boolean probabilities) {
      this.label = label;
      this.probabilities = probabilities;
    }

    @Override
    public ConfusionAccumulator createAccumulator() {
      return new ConfusionAccumulator();
    }

    @Override
    public ConfusionAccumulator addInput(ConfusionAccumulator acc, Row row) {
      Object value = row.getValue(label);
      Map<String, Double> scores = probabilities ? row.getMap(PredictionRows.PROBABILITIES) : null;
      acc.add(value == null ? null : String.valueOf(value), row.getString(PredictionRows.PREDICTION), scores);
      return acc;
    }

    @Override
    public ConfusionAccumulator mergeAccumulators(Iterable<ConfusionAccumulator> accumulators) {
      ConfusionAccumulator merged = new ConfusionAccumulator();
      accumulators.forEach(merged::merge);
      return merged;
    }

    @Override
    public ClassificationMetrics extractOutput(ConfusionAccumulator acc) {
      return acc.metrics();
    }

    @Override
    public Coder<ConfusionAccumulator> getAccumulatorCoder(CoderRegistry registry, Coder<Row> input) {
      return SerializableCoder.of(ConfusionAccumulator.class);
    }
  }
}
