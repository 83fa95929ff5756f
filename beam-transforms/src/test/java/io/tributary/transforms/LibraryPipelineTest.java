package io.tributary.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.examplegen.ExampleGen;
import io.tributary.transforms.examplegen.ExampleGenResult;
import io.tributary.transforms.examplegen.Input;
import io.tributary.transforms.examples.ExamplesIO;
import io.tributary.transforms.schema.DatasetSchema;
import io.tributary.transforms.schema.SchemaGen;
import io.tributary.transforms.schema.SchemaJson;
import io.tributary.transforms.split.Split;
import io.tributary.transforms.statistics.DatasetStatistics;
import io.tributary.transforms.statistics.Statistics;
import io.tributary.transforms.statistics.StatisticsJson;
import io.tributary.transforms.statistics.report.StatisticsReport;
import io.tributary.transforms.testing.TestFiles;
import io.tributary.transforms.transform.Transform;
import io.tributary.transforms.transform.TransformFn;
import io.tributary.transforms.transform.TransformSpec;
import io.tributary.transforms.validation.Anomalies;
import io.tributary.transforms.validation.AnomaliesJson;
import io.tributary.transforms.validation.ExampleValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline of {@code beam-transforms/docs/library.md}, as a user writes it: ExampleGen →
 * statistics → SchemaGen → ExampleValidator (schema and baseline as side inputs) → Transform, every
 * artifact written by the workers through Beam's file systems. Keep the two in step.
 */
@Tag("portable")
@ExtendWith(TestPipelineExtension.class)
class LibraryPipelineTest {
  private static final String SPEC = String.join("\n",
      "features:",
      "  - name: body_mass_z",
      "    inputs: [body_mass_g]",
      "    steps: [{op: impute, strategy: mean}, {op: zScore}]",
      "  - name: island_onehot",
      "    inputs: [island]",
      "    steps: [{op: vocabulary, oovBuckets: 1}, {op: oneHot}]",
      "passThrough: [species]",
      "drop: [bill_length_mm, bill_depth_mm, flipper_length_mm, sex, year]");

  @Test
  void examplesToValidatedTransformedRowsInOnePipeline(TestPipeline p, @TempDir Path dir) throws Exception {
    String root = dir.toString();   // or gs://bucket/penguins, hdfs://namenode/penguins
    ExampleGenResult examples = p.apply(ExampleGen.from(Input.csv(TestFiles.penguins().toString()))
        .withSplit(Split.byHash().withRatios("train:2,eval:1").withSeed(7)));
    PCollection<Row> train = examples.split("train");
    PCollection<Row> eval = examples.split("eval");
    train.apply("WriteTrain", ExamplesIO.write(root + "/examples/Split-train"));

    PCollection<DatasetStatistics> trainStats = train.apply("TrainStats", Statistics.generate().withSplit("train"));
    PCollection<DatasetStatistics> evalStats = eval.apply("EvalStats", Statistics.generate().withSplit("eval"));
    PCollection<DatasetSchema> schema = trainStats.apply(SchemaGen.infer().withLabel("species"));
    PCollectionView<DatasetSchema> schemaView = schema.apply("SchemaView", View.asSingleton());
    PCollectionView<DatasetStatistics> trainView = trainStats.apply("TrainView", View.asSingleton());
    PCollection<Anomalies> anomalies = evalStats.apply(
        ExampleValidator.validate(schemaView).inEnvironment(DatasetSchema.TRAINING).withSkewBaseline(trainView));

    trainStats.apply("WriteTrainStats", StatisticsJson.writeTo(root + "/statistics/Split-train"));
    evalStats.apply("WriteEvalStats", StatisticsJson.writeTo(root + "/statistics/Split-eval"));
    PCollectionList.of(trainStats).and(evalStats).apply(Flatten.pCollections())
        .apply(StatisticsReport.writeTo(root + "/statistics/statistics.html", "penguins"));
    schema.apply(SchemaJson.writeTo(root + "/schema"));
    anomalies.apply(AnomaliesJson.writeTo(root + "/anomalies/Split-eval"));

    TransformSpec spec = TransformSpec.fromYaml(SPEC);
    PCollectionView<TransformFn> fitted = train.apply("Fit", Transform.analyze(spec)).apply("FnView", View.asSingleton());
    PCollection<Row> evalFeatures = eval.apply("ApplyEval", Transform.apply(fitted, spec));

    PAssert.thatSingleton(anomalies).satisfies(found -> {
      assertEquals(List.of(), found.anomalies(), "another sample of clean penguins raises no anomaly");
      return null;
    });
    PAssert.thatSingleton(evalFeatures.apply(Count.globally())).satisfies(count -> {
      assertTrue(count > 80 && count < 150, "eval holds about a third of 344 rows: " + count);
      return null;
    });
    p.run().waitUntilFinish();

    DatasetStatistics trainBack = StatisticsJson.read(root + "/statistics/Split-train/statistics.json");
    DatasetStatistics evalBack = StatisticsJson.read(root + "/statistics/Split-eval/statistics.json");
    assertEquals(344, trainBack.rowCount() + evalBack.rowCount());
    assertEquals(trainBack.rowCount(), ExamplesIO.readRows(root + "/examples/Split-train").size());
    DatasetSchema schemaBack = SchemaJson.read(root + "/schema/schema.json");
    assertEquals(SchemaGen.infer().withLabel("species").from(trainBack), schemaBack);
    assertEquals(List.of(), AnomaliesJson.read(root + "/anomalies/Split-eval/anomalies.json").anomalies());
    assertTrue(Files.readString(dir.resolve("statistics/statistics.html")).contains("body_mass_g"));
  }
}
