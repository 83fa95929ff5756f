package org.example.consumer;

import io.tributary.transforms.schema.DatasetSchema;
import io.tributary.transforms.statistics.DatasetStatistics;
import io.tributary.transforms.validation.Anomalies;
import io.tributary.transforms.validation.AnomaliesJson;
import io.tributary.transforms.validation.ExampleValidator;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * Validation against a schema inferred in the same pipeline, through a side input: what a user
 * writes with the library's public API alone.
 */
final class ValidateAgainst extends PTransform<PCollection<DatasetStatistics>, PCollection<Anomalies>> {
  private final PCollection<DatasetSchema> schema;

  private ValidateAgainst(PCollection<DatasetSchema> schema) {
    this.schema = schema;
  }

  static ValidateAgainst schema(PCollection<DatasetSchema> schema) {
    return new ValidateAgainst(schema);
  }

  @Override
  public PCollection<Anomalies> expand(PCollection<DatasetStatistics> statistics) {
    PCollectionView<DatasetSchema> view = schema.apply("SchemaView", View.asSingleton());
    return statistics
        .apply("Validate", ParDo.of(new CheckFn(view)).withSideInputs(view))
        .setCoder(AnomaliesJson.coder());
  }

  private static final class CheckFn extends DoFn<DatasetStatistics, Anomalies> {
    private final PCollectionView<DatasetSchema> schema;

    CheckFn(PCollectionView<DatasetSchema> schema) {
      this.schema = schema;
    }

    @ProcessElement
    public void process(ProcessContext context) {
      context.output(ExampleValidator.validate(context.sideInput(schema)).check(context.element()));
    }
  }
}
