package io.tributary.transforms.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.examplegen.ExampleGen;
import io.tributary.transforms.examplegen.ExampleGenResult;
import io.tributary.transforms.examplegen.Input;
import io.tributary.transforms.split.Split;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@Tag("portable")
@ExtendWith(TestPipelineExtension.class)
class ExamplesIOTest {

  private static final Schema SCHEMA =
      Schema.builder()
          .addInt64Field("id")
          .addNullableField("score", FieldType.DOUBLE)
          .addNullableField("label", FieldType.STRING)
          .addNullableField("ok", FieldType.BOOLEAN)
          .build();

  private static final List<Row> ROWS =
      List.of(
          Row.withSchema(SCHEMA).addValues(1L, 0.5, "a", true).build(),
          Row.withSchema(SCHEMA).addValues(2L, null, "ü 企鹅", false).build(),
          Row.withSchema(SCHEMA).addValues(3L, Double.NaN, null, null).build());

  @TempDir Path dir;

  /** Writes the rows with a pipeline of its own, on the runner under test. */
  private void writeWith(TestPipeline p, String folder, ExampleFormat format, List<Row> rows) {
    Pipeline writer = Pipeline.create(p.getOptions());
    writer
        .apply(Create.of(rows).withRowSchema(SCHEMA))
        .apply(ExamplesIO.write(dir.resolve(folder).toString()).withFormat(format));
    writer.run().waitUntilFinish();
  }

  @ParameterizedTest
  @EnumSource(ExampleFormat.class)
  void roundTripsRowsAndWritesTheSchemaBeside(ExampleFormat format, TestPipeline p) throws Exception {
    writeWith(p, "Split-train", format, ROWS);
    assertTrue(Files.exists(dir.resolve("Split-train/schema.avsc")));
    assertEquals(SCHEMA.getFieldNames(), ExamplesIO.readAvroSchema(dir.resolve("Split-train").toString())
        .getFields().stream().map(org.apache.avro.Schema.Field::name).toList());
    PAssert.that(p.apply(ExamplesIO.read(dir.resolve("Split-train").toString()))).containsInAnyOrder(ROWS);
    p.run().waitUntilFinish();
  }

  /** More rows than one element of the Avro read holds, so rows are unpacked from several lists. */
  @ParameterizedTest
  @EnumSource(ExampleFormat.class)
  void readsEveryRowOfASplitLargerThanOneReadElement(ExampleFormat format, TestPipeline p) {
    List<Row> rows = LongStream.range(0, 2_345)
        .mapToObj(id -> Row.withSchema(SCHEMA).addValues(id, id * 0.5, "r" + id, id % 2 == 0).build())
        .toList();
    writeWith(p, "Split-train", format, rows);
    PCollection<Row> read = p.apply(ExamplesIO.read(dir.resolve("Split-train").toString()));
    PAssert.that(read).containsInAnyOrder(rows);
    PAssert.thatSingleton(read.apply(Count.globally())).isEqualTo(2_345L);
    p.run().waitUntilFinish();
  }

  /** combined() folds each row into the combine exactly once, whichever way the folder is read. */
  @ParameterizedTest
  @EnumSource(ExampleFormat.class)
  void combinedFoldsEveryRowOnce(ExampleFormat format, TestPipeline p) {
    List<Row> rows = LongStream.range(0, 2_345)
        .mapToObj(id -> Row.withSchema(SCHEMA).addValues(id, id * 0.5, "r" + id, id % 2 == 0).build())
        .toList();
    writeWith(p, "Split-train", format, rows);
    writeWith(p, "Split-eval", format, List.of());
    PAssert.thatSingleton(p.apply("Train", ExamplesIO.read(dir.resolve("Split-train").toString())
        .combined(Count.<Row>combineFn()))).isEqualTo(2_345L);
    PAssert.thatSingleton(p.apply("Eval", ExamplesIO.read(dir.resolve("Split-eval").toString())
        .combined(Count.<Row>combineFn()))).isEqualTo(0L);
    p.run().waitUntilFinish();
  }

  @ParameterizedTest
  @EnumSource(ExampleFormat.class)
  void anEmptySplitIsStillAReadableFolder(ExampleFormat format, TestPipeline p) {
    writeWith(p, "Split-eval", format, List.of());
    PAssert.that(p.apply(ExamplesIO.read(dir.resolve("Split-eval").toString()))).empty();
    p.run().waitUntilFinish();
  }

  @ParameterizedTest
  @EnumSource(ExampleFormat.class)
  void exampleGenReadsAvroAndParquetInput(ExampleFormat format, TestPipeline p) {
    writeWith(p, "raw", format, ROWS);
    Input input =
        format == ExampleFormat.AVRO
            ? Input.avro(dir + "/raw/data-*.avro")
            : Input.parquet(dir + "/raw/data-*.parquet");
    ExampleGenResult result = p.apply(ExampleGen.from(input).withSplit(Split.byHash("id").withRatios("all:1")));
    assertTrue(SCHEMA.equivalent(result.schema()), "schema from the file: " + result.schema());
    PAssert.that(result.split("all")).containsInAnyOrder(ROWS);
    PAssert.that(result.errors()).empty();
    p.run().waitUntilFinish();
  }

  @Test
  void readingAFolderThatIsNotASplitSaysSo(TestPipeline p) {
    java.io.UncheckedIOException e =
        assertThrows(java.io.UncheckedIOException.class, () -> p.apply(ExamplesIO.read(dir.toString())));
    assertTrue(e.getMessage().contains("is " + dir + " a split folder?"), e.getMessage());
    p.enableAbandonedNodeEnforcement(false);
  }
}
