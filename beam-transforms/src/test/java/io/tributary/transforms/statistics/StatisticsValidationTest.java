package io.tributary.transforms.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Configuration errors are found before any data is read, with messages that name the fix. */
class StatisticsValidationTest {

  private static void assertRejected(Executable executable, String... fragments) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, executable);
    for (String fragment : fragments) {
      assertTrue(e.getMessage().contains(fragment), "message " + e.getMessage() + " lacks " + fragment);
    }
  }

  private static void applyToPenguins(PTransform<PCollection<Row>, ?> transform) {
    Pipeline pipeline = Pipeline.create(PipelineOptionsFactory.create());
    pipeline
        .apply(Create.of(Penguins.rows().subList(0, 3)).withRowSchema(Penguins.SCHEMA))
        .apply(transform);
  }

  @Test
  void unknownWeightColumn() {
    assertRejected(
        () -> applyToPenguins(Statistics.generate().withWeightColumn("weight")),
        "withWeightColumn(\"weight\")",
        "no such column",
        "body_mass_g");
  }

  @Test
  void nonNumericWeightColumn() {
    assertRejected(
        () -> applyToPenguins(Statistics.generate().withWeightColumn("species")),
        "STRING",
        "name a numeric column");
  }

  @Test
  void windowedInput() {
    Pipeline pipeline = Pipeline.create(PipelineOptionsFactory.create());
    PCollection<Row> windowed =
        pipeline
            .apply(Create.of(Penguins.rows().subList(0, 3)).withRowSchema(Penguins.SCHEMA))
            .apply(Window.into(FixedWindows.of(Duration.standardMinutes(1))));
    assertRejected(() -> windowed.apply(Statistics.generate()), "global window");
  }

  @Test
  void unknownSliceColumn() {
    assertRejected(
        () -> applyToPenguins(Statistics.generate().withSlices("species", "colour")),
        "no column \"colour\"");
  }

  @Test
  void continuousSliceColumn() {
    assertRejected(
        () -> applyToPenguins(Statistics.generate().withSlices("bill_length_mm")),
        "DOUBLE",
        "slice by a STRING, BOOLEAN or integer column");
  }

  @Test
  void inputWithoutSchema() {
    Pipeline pipeline = Pipeline.create(PipelineOptionsFactory.create());
    PCollection<Row> rows =
        pipeline.apply(Create.of(Penguins.rows().subList(0, 3)).withCoder(SerializableCoder.of(Row.class)));
    assertRejected(() -> rows.apply(Statistics.generate()), "setRowSchema");
  }

  @Test
  void badOptions() {
    assertRejected(() -> Statistics.generate().withTopK(0), "withTopK(k)", "from 1 to 1000");
    assertRejected(() -> Statistics.generate().withHistogramBuckets(5000), "withHistogramBuckets");
    assertRejected(() -> Statistics.generate().withRankHistogramBuckets(-1), "withRankHistogram");
    assertRejected(() -> Statistics.generate().withSlices("a", "a"), "names a column twice");
    assertRejected(() -> Statistics.generate().withWeightColumn(null), "not null");
  }

  @Test
  void withMethodsReturnConfiguredCopies() {
    Statistics.Generate defaults = Statistics.generate();
    Statistics.Generate topFive = defaults.withTopK(5).withHistogramBuckets(4);
    assertNotSame(defaults, topFive);
    assertEquals(StatisticsOptions.defaults(), Statistics.generate().withTopK(20).options());
    assertEquals(StatisticsOptions.of(5, 4, 100), topFive.options());
    assertEquals(20, defaults.options().topK(), "the original is unchanged");
  }
}
