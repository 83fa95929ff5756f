package io.tributary.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.artifacts.ArtifactFiles;
import io.tributary.transforms.examplegen.ExampleGen;
import io.tributary.transforms.examplegen.ExampleGenResult;
import io.tributary.transforms.examplegen.Input;
import io.tributary.transforms.examples.ExampleFormat;
import io.tributary.transforms.examples.ExamplesIO;
import io.tributary.transforms.model.ModelFolder;
import io.tributary.transforms.model.SavedModel;
import io.tributary.transforms.schema.DatasetSchema;
import io.tributary.transforms.schema.SchemaGen;
import io.tributary.transforms.schema.SchemaJson;
import io.tributary.transforms.statistics.DatasetStatistics;
import io.tributary.transforms.statistics.Statistics;
import io.tributary.transforms.statistics.StatisticsJson;
import io.tributary.transforms.statistics.report.StatisticsReport;
import io.tributary.transforms.testing.LocalHdfs;
import io.tributary.transforms.testing.PenguinExamples;
import io.tributary.transforms.testing.TestFiles;
import io.tributary.transforms.train.Trainer;
import io.tributary.transforms.train.TrainerConfig;
import io.tributary.transforms.transform.TransformFnFiles;
import io.tributary.transforms.validation.Anomalies;
import io.tributary.transforms.validation.AnomaliesJson;
import io.tributary.transforms.validation.AnomalyType;
import io.tributary.transforms.validation.CsvTable;
import io.tributary.transforms.validation.ExampleValidator;
import io.tributary.transforms.validation.report.AnomaliesReport;
import java.nio.file.Files;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The library on a real HDFS ({@link LocalHdfs}): examples, artifacts written by the driver and by
 * workers, a fitted transform and a model, and ExampleGen over a CSV, all at {@code hdfs://} URIs,
 * on the DirectRunner.
 */
@ExtendWith({TestPipelineExtension.class, LocalHdfs.class})
class OnHdfsTest {
  private static final CsvTable TRAIN = CsvTable.penguins().shuffled(3, 0, 230);
  private static final CsvTable EVAL =
      CsvTable.penguins().shuffled(3, 230, 344).edit("island", 3, v -> "Atlantis");

  @ParameterizedTest
  @EnumSource(ExampleFormat.class)
  void examplesRoundTrip(ExampleFormat format, TestPipeline p, LocalHdfs.Cluster hdfs) {
    String split = hdfs.newFolder("examples") + "/Split-train";
    Pipeline writer = Pipeline.create(hdfs.configure(p.getOptions()));
    writer.apply(Create.of(TRAIN.rows()).withRowSchema(TRAIN.schema())).apply(ExamplesIO.write(split).withFormat(format));
    writer.run().waitUntilFinish();

    assertTrue(hdfs.list(split).contains(ExamplesIO.SCHEMA_FILE), hdfs.list(split).toString());
    assertTrue(hdfs.list(split).stream().anyMatch(name -> name.endsWith(format.suffix())), hdfs.list(split).toString());
    PAssert.that(p.apply(ExamplesIO.read(split))).containsInAnyOrder(TRAIN.rows());
    p.run().waitUntilFinish();
    assertEquals(TRAIN.rows().size(), ExamplesIO.readRows(split).size());
  }

  @Test
  void driverSideArtifactsRoundTrip(LocalHdfs.Cluster hdfs) throws Exception {
    String root = hdfs.newFolder("driver");
    DatasetStatistics statistics = TRAIN.statistics();
    DatasetSchema schema = SchemaGen.infer().from(statistics);
    Anomalies anomalies = ExampleValidator.validate(schema).check(EVAL.statistics());

    StatisticsJson.write(statistics, ArtifactFiles.resolve(root + "/Split-train", StatisticsJson.FILE_NAME));
    SchemaJson.write(schema, ArtifactFiles.resolve(root + "/schema", SchemaJson.FILE_NAME));
    AnomaliesJson.write(anomalies, ArtifactFiles.resolve(root + "/Split-eval", AnomaliesJson.FILE_NAME));
    StatisticsReport.write(root + "/statistics.html", "penguins", List.of(statistics));

    assertEquals(List.of("Split-eval", "Split-train", "schema", "statistics.html"), hdfs.list(root));
    assertEquals(statistics, StatisticsJson.read(root + "/Split-train/" + StatisticsJson.FILE_NAME));
    assertEquals(schema, SchemaJson.read(root + "/schema/" + SchemaJson.FILE_NAME));
    assertEquals(anomalies, AnomaliesJson.read(root + "/Split-eval/" + AnomaliesJson.FILE_NAME));
    assertEquals(
        StatisticsReport.html("penguins", List.of(statistics)), ArtifactFiles.readText(root + "/statistics.html"));
  }

  @Test
  void workersWriteArtifactsTheDriverReadsBack(TestPipeline p, LocalHdfs.Cluster hdfs) throws Exception {
    hdfs.configure(p.getOptions());
    String root = hdfs.newFolder("workers");
    PCollection<DatasetStatistics> train =
        p.apply("Train", Create.of(TRAIN.rows()).withRowSchema(TRAIN.schema()))
            .apply("TrainStatistics", Statistics.generate().withSplit("train"));
    PCollection<DatasetStatistics> eval =
        p.apply("Eval", Create.of(EVAL.rows()).withRowSchema(TRAIN.schema()))
            .apply("EvalStatistics", Statistics.generate().withSplit("eval"));
    PCollection<DatasetSchema> schema = train.apply(SchemaGen.infer());
    train.apply("WriteTrain", StatisticsJson.writeTo(root + "/Split-train"));
    eval.apply("WriteEval", StatisticsJson.writeTo(root + "/Split-eval"));
    schema.apply(SchemaJson.writeTo(root + "/schema"));
    PCollection<Anomalies> anomalies = eval.apply(ExampleValidator.validate(schema.apply(View.asSingleton())));
    anomalies.apply(AnomaliesJson.writeTo(root + "/Split-eval"));
    anomalies.apply(AnomaliesReport.writeTo(root + "/anomalies.html", "penguins"));
    PCollectionList.of(train).and(eval).apply(Flatten.pCollections())
        .apply(StatisticsReport.writeTo(root + "/statistics.html", "penguins"));
    p.run().waitUntilFinish();

    DatasetStatistics trainBack = StatisticsJson.read(root + "/Split-train/" + StatisticsJson.FILE_NAME);
    DatasetStatistics evalBack = StatisticsJson.read(root + "/Split-eval/" + StatisticsJson.FILE_NAME);
    assertEquals(230, trainBack.rowCount());
    assertEquals(114, evalBack.rowCount());
    DatasetSchema schemaBack = SchemaJson.read(root + "/schema/" + SchemaJson.FILE_NAME);
    assertEquals(SchemaGen.infer().from(TRAIN.statistics()), schemaBack);
    Anomalies anomaliesBack = AnomaliesJson.read(root + "/Split-eval/" + AnomaliesJson.FILE_NAME);
    assertEquals(1, anomaliesBack.ofType(AnomalyType.UNEXPECTED_VALUES).size(), anomaliesBack.anomalies().toString());
    assertEquals(
        StatisticsReport.html("penguins", List.of(evalBack, trainBack)),
        ArtifactFiles.readText(root + "/statistics.html"));
    assertEquals(
        AnomaliesReport.html("penguins", List.of(AnomaliesReport.Section.of(anomaliesBack))),
        ArtifactFiles.readText(root + "/anomalies.html"));
  }

  @Test
  void transformFnAndModelFoldersRoundTrip(LocalHdfs.Cluster hdfs) {
    PenguinExamples penguins = PenguinExamples.get();
    hdfs.register();   // the first get() runs a pipeline of its own
    String root = hdfs.newFolder("trained");
    TransformFnFiles.write(penguins.transformFn(), root + "/transform");
    assertEquals(penguins.transformFn(), TransformFnFiles.read(root + "/transform"));
    SavedModel trained = Trainer.of(TrainerConfig.builder("species").build())
        .train(penguins.transformFn(), root + "/transform", penguins.transformedTrain());
    ModelFolder.write(trained, root + "/model");
    assertEquals(List.of(ModelFolder.DESCRIPTOR_FILE, ModelFolder.MODEL_FILE), hdfs.list(root + "/model"));
    SavedModel loaded = ModelFolder.read(root + "/model");
    assertEquals(trained.descriptor(), loaded.descriptor());
    assertEquals(trained.descriptor(), ModelFolder.readDescriptor(root + "/model"));
  }

  @Test
  void exampleGenReadsACsvOnHdfs(TestPipeline p, LocalHdfs.Cluster hdfs) throws Exception {
    hdfs.configure(p.getOptions());
    String input = hdfs.newFolder("csv");
    ArtifactFiles.writeBytes(input + "/penguins.csv", Files.readAllBytes(TestFiles.penguins()), "text/csv");
    String examples = hdfs.newFolder("examples");

    ExampleGenResult result = p.apply(ExampleGen.from(Input.csv(input + "/*.csv")));
    PCollection<Long> total =
        PCollectionList.of(result.split("train")).and(result.split("eval"))
            .apply(Flatten.pCollections())
            .apply(Count.globally());
    PAssert.thatSingleton(total).isEqualTo(344L);
    PAssert.that(result.errors()).empty();
    result.split("train").apply(ExamplesIO.write(examples + "/Split-train"));
    p.run().waitUntilFinish();

    List<Row> train = ExamplesIO.readRows(examples + "/Split-train");
    assertTrue(train.size() > 200 && train.size() < 260, "train should hold about 2/3 of 344, has " + train.size());
  }
}
