package io.tributary.transforms.validation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.schema.DatasetSchema;
import io.tributary.transforms.schema.SchemaGen;
import io.tributary.transforms.statistics.Statistics;
import io.tributary.transforms.validation.Anomalies;
import io.tributary.transforms.validation.AnomaliesJson;
import io.tributary.transforms.validation.CsvTable;
import io.tributary.transforms.validation.ExampleValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The anomalies page, written by a worker from the anomalies of every split. */
@Tag("portable")
@ExtendWith(TestPipelineExtension.class)
class AnomaliesReportTest {
  private static final CsvTable TRAIN = CsvTable.penguins().shuffled(3, 0, 230);
  private static final CsvTable EVAL = CsvTable.penguins().shuffled(3, 230, 344).edit("island", 3, v -> "Atlantis");
  private static final DatasetSchema SCHEMA = SchemaGen.infer().from(TRAIN.statistics());

  private static PCollection<Anomalies> anomalies(TestPipeline p, String split, CsvTable table) {
    PCollection<Anomalies> found = p.apply("Rows/" + split, Create.of(table.rows()).withRowSchema(TRAIN.schema()))
        .apply("Statistics/" + split, Statistics.generate().withSplit(split))
        .apply("Validate/" + split, ExampleValidator.validate(SCHEMA));
    return found;
  }

  @Test
  void writesThePageOfEverySplitInSplitOrder(TestPipeline p, @TempDir Path dir) throws Exception {
    PCollection<Anomalies> train = anomalies(p, "train", TRAIN);
    PCollection<Anomalies> eval = anomalies(p, "eval", EVAL);
    train.apply("WriteTrain", AnomaliesJson.writeTo(dir + "/train"));
    eval.apply("WriteEval", AnomaliesJson.writeTo(dir + "/eval"));
    PCollectionList.of(train).and(eval).apply(Flatten.pCollections())
        .apply(AnomaliesReport.writeTo(dir + "/anomalies.html", "penguins"));
    p.run().waitUntilFinish();

    Anomalies trainBack = AnomaliesJson.read(dir + "/train/" + AnomaliesJson.FILE_NAME);
    Anomalies evalBack = AnomaliesJson.read(dir + "/eval/" + AnomaliesJson.FILE_NAME);
    String html = Files.readString(dir.resolve("anomalies.html"));
    assertEquals(
        AnomaliesReport.html("penguins", List.of(AnomaliesReport.Section.of(evalBack), AnomaliesReport.Section.of(trainBack))),
        html);
    assertTrue(html.contains("Atlantis"), "the offending value is shown");
    assertTrue(html.contains("Split train: <span class=\"ok\">no anomalies</span>"), html);
  }

  @Test
  void aPageNeedsATitle() {
    assertThrows(IllegalArgumentException.class, () -> AnomaliesReport.writeTo("x.html", null));
  }
}
