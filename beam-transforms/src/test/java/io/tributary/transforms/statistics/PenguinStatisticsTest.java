package io.tributary.transforms.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Statistics of the real penguin data against an exact computation done here. */
@ExtendWith(TestPipelineExtension.class)
class PenguinStatisticsTest {

  @Test
  @Tag("portable")
  void everyFigureMatchesAnExactComputation(TestPipeline pipeline) {
    PCollection<DatasetStatistics> stats =
        pipeline
            .apply(Create.of(Penguins.rows()).withRowSchema(Penguins.SCHEMA))
            .apply(Statistics.generate().withDatasetName("penguins").withSplit("all"));

    PAssert.thatSingleton(stats)
        .satisfies(
            actual -> {
              List<Row> rows = Penguins.rows();
              assertEquals(344, rows.size(), "the sample has 344 rows");
              assertEquals(344, actual.rowCount());
              assertEquals("penguins", actual.name());
              assertEquals("all", actual.split());
              assertEquals(List.of(), actual.slices());
              assertTrue(Double.isNaN(actual.overall().weightedRowCount()), "unweighted");
              assertEquals(Penguins.SCHEMA.getFieldCount(), actual.overall().features().size());
              for (String name : List.of("species", "island", "sex")) {
                Expected.assertString(
                    actual.feature(name), Expected.column(rows, name), StatisticsOptions.DEFAULT_TOP_K);
                assertEquals(FeatureType.STRING, actual.feature(name).type());
              }
              for (String name :
                  List.of("bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g")) {
                Expected.assertNumeric(actual.feature(name), Expected.column(rows, name));
                assertEquals(2, actual.feature(name).numMissing(), name + " has 2 NA");
              }
              Expected.assertNumeric(actual.feature("year"), Expected.column(rows, "year"));
              assertEquals(FeatureType.INT, actual.feature("year").type());
              assertEquals(FeatureType.FLOAT, actual.feature("bill_depth_mm").type());
              Expected.assertBoolean(actual.feature("is_male"), Expected.column(rows, "is_male"));
              assertEquals(11, actual.feature("sex").numMissing(), "sex has 11 NA");
              assertEquals(3, actual.feature("species").string().distinctCount());
              return null;
            });
    pipeline.run().waitUntilFinish();
  }
}
