package io.tributary.transforms.examplegen;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transforms.split.Split;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Cut-off input files lose no row silently: what cannot be read is a dead letter naming the file. */
@Tag("portable")
@ExtendWith(TestPipelineExtension.class)
class TruncatedInputTest {

  private static final org.apache.avro.Schema AVRO =
      SchemaBuilder.record("Reading").fields().requiredLong("id").requiredString("name").endRecord();
  private static final int RECORDS = 1_000;
  private static final int PER_BLOCK = 100;

  @TempDir Path dir;

  /**
   * A good file and one cut at 60% of its bytes, in the middle of its sixth block: the five whole
   * blocks are rows and the broken block is one dead letter. Before, the cut file read as 500 rows
   * and no dead letter at all.
   */
  @Test
  void aTruncatedAvroFileIsADeadLetterNotAShorterFile(TestPipeline p) throws IOException {
    Path good = writeAvro("a-good.avro");
    Path cut = writeAvro("b-cut.avro");
    try (RandomAccessFile file = new RandomAccessFile(cut.toFile(), "rw")) {
      file.setLength(file.length() * 6 / 10);
    }

    ExampleGenResult result =
        p.apply(ExampleGen.from(Input.avro(dir + "/*.avro")).withSplit(Split.byHash("id").withRatios("all:1")));

    PAssert.thatSingleton(result.split("all").apply(Count.globally())).isEqualTo((long) RECORDS + 500);
    PAssert.that(result.errors().apply(MapElements.into(TypeDescriptors.strings())
            .via((Row r) -> Path.of(r.getString("source")).getFileName() + ":" + r.getInt64("line") + ": "
                + r.getString("reason"))))
        .satisfies(letters -> {
          List<String> all = new java.util.ArrayList<>();
          letters.forEach(all::add);
          org.junit.jupiter.api.Assertions.assertEquals(1, all.size(), all.toString());
          assertTrue(all.get(0).startsWith("b-cut.avro:501: the file is truncated: it breaks off after record 500;"),
              all.get(0));
          return null;
        });
    p.run().waitUntilFinish();
  }

  /**
   * A gzipped CSV cut in half, with a good one: the rows before the cut are read and the rest is
   * one dead letter naming the file, so no row goes missing silently.
   */
  @Test
  void aTruncatedGzipIsADeadLetterNamingTheFile(TestPipeline p) throws IOException {
    writeGzipCsv("a-good.csv.gz", RECORDS);
    byte[] whole = writeGzipCsv("b-cut.csv.gz", RECORDS);
    java.nio.file.Files.write(dir.resolve("b-cut.csv.gz"), java.util.Arrays.copyOf(whole, whole.length / 2));
    org.apache.beam.sdk.schemas.Schema schema = org.apache.beam.sdk.schemas.Schema.builder()
        .addInt64Field("id").addStringField("name").build();

    ExampleGenResult result = p.apply(ExampleGen.from(Input.csv(dir + "/*.csv.gz")).withSchema(schema)
        .withSplit(Split.byHash("id").withRatios("all:1")));

    PAssert.thatSingleton(result.split("all").apply(Count.globally())).satisfies(rows -> {
      assertTrue(rows > RECORDS && rows < 2L * RECORDS, rows + " rows: the good file's and those before the cut");
      return null;
    });
    PAssert.thatSingleton(result.errors().apply(MapElements.into(TypeDescriptors.strings())
            .via((Row r) -> Path.of(r.getString("source")).getFileName() + ": " + r.getString("reason"))))
        .satisfies(letter -> {
          assertTrue(letter.startsWith("b-cut.csv.gz: could not read the rest of the file after "), letter);
          return null;
        });
    p.run().waitUntilFinish();
  }

  private byte[] writeGzipCsv(String name, int rows) throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.Writer csv = new java.io.OutputStreamWriter(new java.util.zip.GZIPOutputStream(bytes),
        java.nio.charset.StandardCharsets.UTF_8)) {
      csv.write("id,name\n");
      for (int id = 0; id < rows; id++) {
        csv.write((name.hashCode() * 10_000L + id) + ",reading number " + id + " of file " + name + "\n");
      }
    }
    java.nio.file.Files.write(dir.resolve(name), bytes.toByteArray());
    return bytes.toByteArray();
  }

  @Test
  void aBrokenParquetFileIsNamedInTheError() throws IOException {
    Path notParquet = dir.resolve("broken.parquet");
    java.nio.file.Files.writeString(notParquet, "PAR1 but nothing else");
    Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
        () -> ParquetFileParser.schemaOf(SourceFile.named(notParquet.toString())));
    assertTrue(e.getMessage().contains(notParquet.toString()), e.getMessage());
  }

  private Path writeAvro(String name) throws IOException {
    Path path = dir.resolve(name);
    try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(AVRO))) {
      writer.create(AVRO, path.toFile());
      List<Long> ids = LongStream.range(0, RECORDS).boxed().toList();
      for (long id : ids) {
        GenericRecord record = new GenericData.Record(AVRO);
        record.put("id", name.hashCode() * 10_000L + id);
        record.put("name", "reading number " + id + " of file " + name);
        writer.append(record);
        if ((id + 1) % PER_BLOCK == 0) {
          writer.sync();
        }
      }
    }
    return path;
  }
}
