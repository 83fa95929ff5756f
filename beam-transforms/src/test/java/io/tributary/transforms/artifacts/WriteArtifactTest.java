package io.tributary.transforms.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.schema.DatasetSchema;
import io.tributary.transforms.schema.SchemaGen;
import io.tributary.transforms.schema.SchemaJson;
import io.tributary.transforms.statistics.DatasetStatistics;
import io.tributary.transforms.statistics.Statistics;
import io.tributary.transforms.statistics.StatisticsJson;
import io.tributary.transforms.statistics.report.StatisticsReport;
import io.tributary.transforms.validation.Anomalies;
import io.tributary.transforms.validation.AnomaliesJson;
import io.tributary.transforms.validation.AnomalyType;
import io.tributary.transforms.validation.CsvTable;
import io.tributary.transforms.validation.ExampleValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionView;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Statistics, schema, anomalies and the statistics page written by workers through Beam's file
 * systems, then read back with the driver-side readers, which must give what the pipeline computed.
 */
@Tag("portable")
@ExtendWith(TestPipelineExtension.class)
class WriteArtifactTest {
  private static final CsvTable TRAIN = CsvTable.penguins().shuffled(3, 0, 230);
  private static final CsvTable EVAL = CsvTable.penguins().shuffled(3, 230, 344).edit("island", 3, v -> "Atlantis");

  @Test
  void artifactsWrittenInThePipelineReadBackEqual(TestPipeline p, @TempDir Path dir) throws Exception {
    String root = dir.toString();
    PCollection<DatasetStatistics> train =
        p.apply("Train", Create.of(TRAIN.rows()).withRowSchema(TRAIN.schema()))
            .apply("TrainStatistics", Statistics.generate().withSplit("train"));
    PCollection<DatasetStatistics> eval =
        p.apply("Eval", Create.of(EVAL.rows()).withRowSchema(TRAIN.schema()))
            .apply("EvalStatistics", Statistics.generate().withSplit("eval"));
    PCollection<DatasetSchema> schema = train.apply(SchemaGen.infer());
    PCollectionView<DatasetSchema> schemaView = schema.apply(View.asSingleton());
    PCollection<Anomalies> anomalies = eval.apply(ExampleValidator.validate(schemaView));

    train.apply("WriteTrain", StatisticsJson.writeTo(root + "/Split-train"));
    eval.apply("WriteEval", StatisticsJson.writeTo(root + "/Split-eval"));
    schema.apply(SchemaJson.writeTo(root + "/schema"));
    anomalies.apply(AnomaliesJson.writeTo(root + "/Split-eval"));
    PCollectionList.of(train).and(eval).apply(Flatten.pCollections())
        .apply(StatisticsReport.writeTo(root + "/statistics.html", "penguins"));
    PAssert.thatSingleton(anomalies).satisfies(found -> {
      assertEquals(1, found.ofType(AnomalyType.UNEXPECTED_VALUES).size(), found.anomalies().toString());
      return null;
    });
    PAssert.thatSingleton(train).satisfies(stats -> {
      assertEquals(230, stats.rowCount());
      return null;
    });
    p.run().waitUntilFinish();

    DatasetStatistics trainBack = StatisticsJson.read(root + "/Split-train/" + StatisticsJson.FILE_NAME);
    DatasetStatistics evalBack = StatisticsJson.read(dir.resolve("Split-eval").resolve(StatisticsJson.FILE_NAME));
    assertEquals(230, trainBack.rowCount());
    assertEquals("eval", evalBack.split());
    assertEquals(114, evalBack.rowCount());
    DatasetSchema schemaBack = SchemaJson.read(root + "/schema/" + SchemaJson.FILE_NAME);
    // Domains, ranges and presence come from exact figures: the same schema as inferred locally.
    assertEquals(SchemaGen.infer().from(TRAIN.statistics()), schemaBack);
    Anomalies anomaliesBack = AnomaliesJson.read(root + "/Split-eval/" + AnomaliesJson.FILE_NAME);
    assertEquals(ExampleValidator.validate(schemaBack).check(evalBack), anomaliesBack);
    String html = Files.readString(dir.resolve("statistics.html"));
    assertEquals(StatisticsReport.html("penguins", List.of(evalBack, trainBack)), html);
  }

  @Test
  void twoStatisticsForOneFileFailTheRun(TestPipeline p, @TempDir Path dir) {
    p.apply(Create.of(TRAIN.statistics(), EVAL.statistics())).apply(StatisticsJson.writeTo(dir.toString()));
    Throwable e = assertThrows(RuntimeException.class, () -> p.run().waitUntilFinish());
    StringBuilder messages = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      messages.append(t.getMessage()).append('\n');
    }
    assertTrue(messages.toString().contains("got 2 elements for the one file"), messages.toString());
  }
}
