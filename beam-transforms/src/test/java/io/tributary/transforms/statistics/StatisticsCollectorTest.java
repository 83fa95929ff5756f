package io.tributary.transforms.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The plain-Java collector gives the transform's statistics, slices and weights included. */
@ExtendWith(TestPipelineExtension.class)
class StatisticsCollectorTest {

  private static Statistics.Generate generate() {
    return Statistics.generate()
        .withDatasetName("penguins")
        .withSplit("all")
        .withWeightColumn("body_mass_g")
        .withSlices("species", "is_male");
  }

  @Test
  void givesWhatThePipelineGives(TestPipeline pipeline) {
    StatisticsCollector collector = generate().collector(Penguins.SCHEMA);
    Penguins.rows().forEach(collector::add);
    DatasetStatistics local = collector.result();

    PCollection<DatasetStatistics> stats =
        pipeline
            .apply(Create.of(Penguins.rows()).withRowSchema(Penguins.SCHEMA))
            .apply(generate());
    PAssert.thatSingleton(stats)
        .satisfies(
            inPipeline -> {
              assertSame(inPipeline.overall(), local.overall());
              assertEquals(inPipeline.slices().size(), local.slices().size());
              for (int i = 0; i < local.slices().size(); i++) {
                assertSame(inPipeline.slices().get(i), local.slices().get(i));
              }
              return null;
            });
    pipeline.run().waitUntilFinish();
    assertEquals(344, local.rowCount());
    assertEquals("penguins", local.name());
    assertEquals(3 + 3, local.slices().size(), "3 species, is_male true, false and missing");
  }

  @Test
  void resultCanBeAskedForAgainAfterMoreRows() {
    StatisticsCollector collector = Statistics.generate().collector(Penguins.SCHEMA);
    assertEquals(0, collector.result().rowCount());
    collector.add(Penguins.rows().get(0));
    assertEquals(1, collector.result().rowCount());
    collector.add(Penguins.rows().get(1));
    assertEquals(2, collector.result().feature("species").numNonMissing());
  }

  @Test
  void checksTheSchemaAsTheTransformDoes() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> Statistics.generate().withSlices("nope").collector(Penguins.SCHEMA));
    assertEquals(true, error.getMessage().contains("\"nope\""), error.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> Statistics.generate().withWeightColumn("species").collector(Penguins.SCHEMA));
  }

  private static void assertSame(SliceStatistics expected, SliceStatistics actual) {
    String where = expected.column() + "=" + expected.value();
    assertEquals(expected.column(), actual.column(), where);
    assertEquals(expected.value(), actual.value(), where);
    assertEquals(expected.rowCount(), actual.rowCount(), where);
    assertEquals(expected.weightedRowCount(), actual.weightedRowCount(), 1e-9, where);
    for (FeatureStatistics feature : expected.features()) {
      FeatureStatistics other = actual.feature(feature.name());
      String at = where + " " + feature.name();
      assertEquals(feature.numNonMissing(), other.numNonMissing(), at);
      assertEquals(feature.numMissing(), other.numMissing(), at);
      assertEquals(feature.bool(), other.bool(), at);
      if (feature.numeric() != null) {
        assertEquals(feature.numeric().min(), other.numeric().min(), at);
        assertEquals(feature.numeric().max(), other.numeric().max(), at);
        assertEquals(feature.numeric().mean(), other.numeric().mean(), 1e-9 * Math.abs(feature.numeric().mean()), at);
      }
      if (feature.string() != null) {
        assertEquals(feature.string().topValues(), other.string().topValues(), at);
        assertEquals(feature.string().weightedTopValues(), other.string().weightedTopValues(), at);
        assertEquals(feature.string().distinctCount(), other.string().distinctCount(), at);
      }
    }
  }
}
