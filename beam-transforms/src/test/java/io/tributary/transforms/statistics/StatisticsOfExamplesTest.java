package io.tributary.transforms.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.examples.ExampleFormat;
import io.tributary.transforms.examples.ExamplesIO;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code ofExamples}: the statistics of a split folder, accumulated as it is read, equal those of its rows. */
@Tag("portable")
@ExtendWith(TestPipelineExtension.class)
class StatisticsOfExamplesTest {
  @TempDir Path dir;

  /** Writes the rows as a split folder with a pipeline of its own, on the runner under test. */
  private String write(TestPipeline p, Schema schema, List<Row> rows, ExampleFormat format) {
    String folder = dir.resolve("Split-" + format).toString();
    Pipeline writer = Pipeline.create(p.getOptions());
    writer.apply(Create.of(rows).withRowSchema(schema)).apply(ExamplesIO.write(folder).withFormat(format));
    writer.run().waitUntilFinish();
    return folder;
  }

  @ParameterizedTest
  @EnumSource(ExampleFormat.class)
  void aPenguinFolderGivesTheStatisticsOfItsRows(ExampleFormat format, TestPipeline p) {
    String folder = write(p, Penguins.SCHEMA, Penguins.rows(), format);
    PCollection<DatasetStatistics> stats =
        p.apply(
            Statistics.generate()
                .withDatasetName("local")
                .withSplit("test")
                .withSlices("species")
                .ofExamples(folder));
    PAssert.thatSingleton(stats)
        .satisfies(
            actual -> {
              DatasetStatistics rows =
                  LocalStatistics.compute(Penguins.SCHEMA, Penguins.rows(), null, "species");
              assertEquals(rows.rowCount(), actual.rowCount());
              assertEquals("local", actual.name());
              assertEquals("test", actual.split());
              StatisticsMergeTest.assertMergeEqualsOnePass(actual, rows);
              for (String name : List.of("bill_length_mm", "body_mass_g", "year")) {
                Expected.assertNumeric(actual.feature(name), Expected.column(Penguins.rows(), name));
              }
              return null;
            });
    p.run().waitUntilFinish();
  }

  @Test
  void weightsAndSlicesAreThoseOfTheRows(TestPipeline p) {
    String folder = write(p, WeightedData.SCHEMA, WeightedData.rows(), ExampleFormat.AVRO);
    PCollection<DatasetStatistics> stats =
        p.apply(Statistics.generate().withWeightColumn("w").withSlices("group", "flag").ofExamples(folder));
    PAssert.thatSingleton(stats)
        .satisfies(
            actual -> {
              StatisticsEdgeCasesTest.assertWeightedAndSliced(actual);
              return null;
            });
    p.run().waitUntilFinish();
  }

  @Test
  void anEmptyFolderHasNoRows(TestPipeline p) {
    String folder = write(p, Penguins.SCHEMA, List.of(), ExampleFormat.AVRO);
    PAssert.thatSingleton(p.apply(Statistics.generate().ofExamples(folder)))
        .satisfies(
            actual -> {
              assertEquals(0, actual.rowCount());
              assertEquals(Penguins.SCHEMA.getFieldCount(), actual.overall().features().size());
              return null;
            });
    p.run().waitUntilFinish();
  }

  @Test
  void theFolderSchemaIsCheckedWhenThePipelineIsBuilt(TestPipeline p) {
    String folder = write(p, Penguins.SCHEMA, Penguins.rows().subList(0, 3), ExampleFormat.AVRO);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> p.apply(Statistics.generate().withSlices("colour").ofExamples(folder)));
    assertTrue(e.getMessage().contains("no column \"colour\""), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Statistics.generate().ofExamples(" "));
    p.enableAbandonedNodeEnforcement(false);
  }
}
