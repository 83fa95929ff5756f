package io.tributary.transforms.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link ExamplesIO#readRows}: a split folder into rows in this JVM, through Beam's file systems. */
class ReadRowsTest {
  private static final Schema SCHEMA =
      Schema.builder()
          .addInt64Field("id")
          .addNullableField("score", FieldType.DOUBLE)
          .addNullableField("label", FieldType.STRING)
          .build();

  private static List<Row> rows(int count) {
    return LongStream.range(0, count)
        .mapToObj(i -> Row.withSchema(SCHEMA).addValues(i, i % 7 == 0 ? null : i / 4.0, "v" + (i % 3)).build())
        .toList();
  }

  private static void write(Path folder, ExampleFormat format, List<Row> rows) {
    Pipeline p = Pipeline.create();
    p.apply(Create.of(rows).withRowSchema(SCHEMA)).apply(ExamplesIO.write(folder.toString()).withFormat(format));
    p.run().waitUntilFinish();
  }

  private static List<Row> byId(List<Row> rows) {
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparing(row -> row.getInt64("id")));
    return sorted;
  }

  @ParameterizedTest
  @EnumSource(ExampleFormat.class)
  void readsEveryRowOfEveryFileWithItsSchema(ExampleFormat format, @TempDir Path dir) {
    List<Row> written = rows(2_500);
    write(dir.resolve("Split-train"), format, written);
    List<Row> read = ExamplesIO.readRows(dir.resolve("Split-train").toString());
    assertEquals(written, byId(read));
    assertEquals(SCHEMA, read.get(0).getSchema());
    // The lazy form reads the same rows, in the same (file name) order, each time it is iterated.
    Iterable<Row> lazy = ExampleFiles.rows(dir.resolve("Split-train"));
    List<Row> once = new ArrayList<>();
    lazy.forEach(once::add);
    List<Row> twice = new ArrayList<>();
    lazy.forEach(twice::add);
    assertEquals(read, once);
    assertEquals(read, twice);
  }

  @ParameterizedTest
  @EnumSource(ExampleFormat.class)
  void anEmptySplitHasNoRows(ExampleFormat format, @TempDir Path dir) {
    write(dir.resolve("Split-eval"), format, List.of());
    assertEquals(List.of(), ExamplesIO.readRows(dir.resolve("Split-eval").toString()));
  }

  @Test
  void aFolderThatIsNotASplitSaysSo(@TempDir Path dir) {
    UncheckedIOException e =
        assertThrows(UncheckedIOException.class, () -> ExamplesIO.readRows(dir.resolve("nothing").toString()));
    assertTrue(e.getMessage().contains("a split folder?"), e.getMessage());
  }
}
