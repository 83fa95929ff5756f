package org.example.consumer;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.examplegen.ExampleGen;
import io.tributary.transforms.examplegen.Input;
import io.tributary.transforms.examples.ExamplesIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** This project has neither Beam's Parquet IO nor Hadoop: the library's optional Parquet support. */
@ExtendWith(TestPipelineExtension.class)
class WithoutParquetTest {
  @TempDir Path dir;

  @Test
  void aParquetInputNamesTheDependenciesToAdd(TestPipeline p) throws IOException {
    p.enableAbandonedNodeEnforcement(false); // the pipeline is never run
    Files.write(dir.resolve("data.parquet"), new byte[] {'P', 'A', 'R', '1'});
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> p.apply(ExampleGen.from(Input.parquet(dir.resolve("*.parquet").toString()))));
    assertTrue(e.getMessage().contains("org.apache.beam:beam-sdks-java-io-parquet"), e.getMessage());
  }

  @Test
  void avroExamplesAreWrittenWithoutParquet(TestPipeline p) throws IOException {
    Schema schema = Schema.builder().addInt64Field("id").addStringField("name").build();
    p.apply(
            Create.of(
                    Row.withSchema(schema).addValues(1L, "a").build(),
                    Row.withSchema(schema).addValues(2L, "b").build())
                .withRowSchema(schema))
        .apply(ExamplesIO.write(dir.resolve("Split-train").toString()));
    p.run().waitUntilFinish();
    try (Stream<Path> files = Files.list(dir.resolve("Split-train"))) {
      List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
      assertTrue(names.contains("schema.avsc"), names.toString());
      assertTrue(names.stream().anyMatch(n -> n.startsWith("data-") && n.endsWith(".avro")), names.toString());
    }
  }
}
