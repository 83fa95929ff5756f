package org.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.examplegen.ExampleGen;
import io.tributary.transforms.examplegen.ExampleGenResult;
import io.tributary.transforms.examplegen.Input;
import io.tributary.transforms.schema.DatasetSchema;
import io.tributary.transforms.schema.SchemaGen;
import io.tributary.transforms.statistics.DatasetStatistics;
import io.tributary.transforms.statistics.Statistics;
import io.tributary.transforms.transform.Transform;
import io.tributary.transforms.transform.TransformResult;
import io.tributary.transforms.transform.TransformSpec;
import io.tributary.transforms.validation.Anomalies;
import io.tributary.transforms.validation.ExampleValidator;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** ExampleGen → statistics → SchemaGen → validation → Transform over the penguin CSV. */
@ExtendWith(TestPipelineExtension.class)
class PenguinPipelineTest {
  /** The spec in YAML, so the YAML stack (Jackson and SnakeYAML) is exercised too. */
  private static final String SPEC =
      String.join(
          "\n",
          "features:",
          "  - name: bill_length_z",
          "    inputs: [bill_length_mm]",
          "    steps: [{op: impute, strategy: mean}, {op: zScore}]",
          "  - name: island_id",
          "    inputs: [island]",
          "    steps: [{op: vocabulary, oovBuckets: 1}]",
          "passThrough: [species]",
          "drop: [bill_depth_mm, flipper_length_mm, body_mass_g, sex, year]",
          "");

  @Test
  void penguinCsvRunsThroughEveryDataComponent(TestPipeline p) throws URISyntaxException {
    Path csv = Path.of(getClass().getResource("/penguins.csv").toURI());
    ExampleGenResult examples = p.apply(ExampleGen.from(Input.csv(csv.toString())));
    PCollection<Row> train = examples.split("train");

    PCollection<DatasetStatistics> statistics = train.apply(Statistics.generate());
    PCollection<DatasetSchema> schema = statistics.apply(SchemaGen.infer());
    PCollection<Anomalies> anomalies =
        statistics.apply(ExampleValidator.validate(schema.apply("SchemaView", View.asSingleton())));
    TransformResult transformed = train.apply(Transform.fitAndApply(TransformSpec.fromYaml(SPEC)));

    PCollection<Long> total =
        PCollectionList.of(examples.splits().asMap().values())
            .apply(Flatten.pCollections())
            .apply("CountAll", Count.globally());
    PAssert.thatSingleton(total).isEqualTo(344L);
    PAssert.that(examples.errors()).empty();
    PAssert.thatSingleton(anomalies)
        .satisfies(
            found -> {
              assertEquals(
                  0, found.anomalies().size(), "the training split against its own schema: " + found.anomalies());
              return null;
            });
    PAssert.that(transformed.output())
        .satisfies(
            rows -> {
              double sum = 0;
              long n = 0;
              for (Row row : rows) {
                sum += row.getDouble("bill_length_z");
                n++;
                assertTrue(row.getString("species").matches("Adelie|Chinstrap|Gentoo"), row.toString());
              }
              assertTrue(n > 200 && n < 260, "train should hold about 2/3 of 344 rows, has " + n);
              assertEquals(0.0, sum / n, 1e-9, "z-scores of the data they were fitted on average 0");
              return null;
            });
    p.run().waitUntilFinish();
  }
}
